package worker

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/worker/redistest"
	"github.com/clinscribe/clinscribe/worker/workertest"
)

func freeTCPPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func startProc(t *testing.T, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
}

// roundTrip enqueues a stage and checks it is pending, through the options
// the configuration produced.
func roundTrip(t *testing.T, cfg RedisConfig) {
	t.Helper()
	opt, err := cfg.ConnOpt()
	if err != nil {
		t.Fatal(err)
	}
	cl := NewClient(opt, TaskOptions{})
	defer cl.Close()
	id := encounter.NewID()
	workertest.Eventually(t, 20*time.Second, func() error { return cl.Enqueue(context.Background(), encounter.StageSummarize, id) })
	ins := asynq.NewInspector(opt)
	defer ins.Close()
	info, err := ins.GetTaskInfo(QueueSummarize, TaskID(encounter.StageSummarize, id))
	if err != nil || info.State != asynq.TaskStatePending {
		t.Fatalf("task: %+v, %v", info, err)
	}
}

// Sentinel: the client asks a real redis-sentinel for the master.
func TestRedisSentinel(t *testing.T) {
	t.Parallel()
	master := redistest.StartWith(t, redistest.Options{Own: true})
	dir := t.TempDir()
	port := freeTCPPort(t)
	_, mport, _ := net.SplitHostPort(master.Addr)
	conf := filepath.Join(dir, "sentinel.conf")
	body := fmt.Sprintf("port %d\nbind 127.0.0.1\ndir %s\nsentinel monitor mymaster 127.0.0.1 %s 1\nsentinel down-after-milliseconds mymaster 5000\n", port, dir, mport)
	if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	startProc(t, "redis-server", conf, "--sentinel")
	roundTrip(t, RedisConfig{Sentinel: SentinelConfig{MasterName: "mymaster", Addrs: []string{fmt.Sprintf("127.0.0.1:%d", port)}}})
}

// Cluster: three masters made into a cluster with redis-cli; asynq's keys
// carry hash tags, so one queue's keys share a slot.
func TestRedisCluster(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("redis-cli"); err != nil {
		t.Fatal("redis-cli is needed (it comes with redis-server)")
	}
	var addrs []string
	for range 3 {
		dir := t.TempDir()
		port := freeTCPPort(t)
		startProc(t, "redis-server", "--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
			"--cluster-config-file", filepath.Join(dir, "nodes.conf"), "--dir", dir, "--save", "", "--appendonly", "no")
		addrs = append(addrs, fmt.Sprintf("127.0.0.1:%d", port))
	}
	args := append([]string{"--cluster", "create"}, addrs...)
	args = append(args, "--cluster-replicas", "0", "--cluster-yes")
	workertest.Eventually(t, 20*time.Second, func() error {
		if out, err := exec.Command("redis-cli", args...).CombinedOutput(); err != nil {
			return fmt.Errorf("redis-cli --cluster create: %v\n%s", err, out)
		}
		return nil
	})
	roundTrip(t, RedisConfig{Cluster: ClusterConfig{Addrs: addrs}})
}
