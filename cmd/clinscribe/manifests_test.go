package main_test

// The Kubernetes manifests in deploy/kubernetes are decoded strictly into
// the Kubernetes API types (an unknown or misspelled field fails), and the
// invariants docs/operations.md promises are checked: non-root, read-only
// root filesystem, all capabilities dropped, probes on /healthz and
// /readyz, resources set, no :latest image, no inline secrets, a grace
// period above the configured worker shutdown timeout, a PDB and a KEDA
// ScaledObject per worker Deployment scaling on pending+active of exactly
// the queues it serves, and a default-deny NetworkPolicy. The embedded
// config.yaml must pass the same validation the binary runs.
//
// kubeconform would need JSON schemas from the internet at run time, which
// CI does not have; the API types are the schema here. KEDA's CRD types
// are mirrored by the ScaledObject struct below.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/config"
	"github.com/clinscribe/clinscribe/worker"
	"github.com/clinscribe/clinscribe/worker/metrics"
)

const manifestsDir = "../../deploy/kubernetes"

// ScaledObject mirrors keda.sh/v1alpha1 ScaledObject (the fields we use;
// strict decoding rejects any other).
type ScaledObject struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		ScaleTargetRef struct {
			APIVersion string `json:"apiVersion,omitempty"`
			Kind       string `json:"kind,omitempty"`
			Name       string `json:"name"`
		} `json:"scaleTargetRef"`
		PollingInterval *int32 `json:"pollingInterval,omitempty"`
		CooldownPeriod  *int32 `json:"cooldownPeriod,omitempty"`
		MinReplicaCount *int32 `json:"minReplicaCount,omitempty"`
		MaxReplicaCount *int32 `json:"maxReplicaCount,omitempty"`
		Fallback        *struct {
			FailureThreshold int32 `json:"failureThreshold"`
			Replicas         int32 `json:"replicas"`
		} `json:"fallback,omitempty"`
		Advanced *struct {
			HorizontalPodAutoscalerConfig *struct {
				Name     string                                         `json:"name,omitempty"`
				Behavior *autoscalingv2.HorizontalPodAutoscalerBehavior `json:"behavior,omitempty"`
			} `json:"horizontalPodAutoscalerConfig,omitempty"`
			RestoreToOriginalReplicaCount bool `json:"restoreToOriginalReplicaCount,omitempty"`
		} `json:"advanced,omitempty"`
		Triggers []struct {
			Type              string            `json:"type"`
			Name              string            `json:"name,omitempty"`
			MetricType        string            `json:"metricType,omitempty"`
			Metadata          map[string]string `json:"metadata"`
			AuthenticationRef *struct {
				Name string `json:"name"`
				Kind string `json:"kind,omitempty"`
			} `json:"authenticationRef,omitempty"`
		} `json:"triggers"`
	} `json:"spec"`
}

type manifests struct {
	deployments map[string]*appsv1.Deployment
	pdbs        []*policyv1.PodDisruptionBudget
	netpols     []*networkingv1.NetworkPolicy
	scaled      []*ScaledObject
	configMaps  map[string]*corev1.ConfigMap
	secrets     []*corev1.Secret
	services    []*corev1.Service
	pvcs        map[string]*corev1.PersistentVolumeClaim
	files       []string
}

func loadManifests(t *testing.T) *manifests {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(manifestsDir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no manifests in %s: %v", manifestsDir, err)
	}
	m := &manifests{deployments: map[string]*appsv1.Deployment{}, configMaps: map[string]*corev1.ConfigMap{},
		pvcs: map[string]*corev1.PersistentVolumeClaim{}}
	kust := map[string]bool{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		if base == "kustomization.yaml" {
			var k struct {
				APIVersion string   `json:"apiVersion"`
				Kind       string   `json:"kind"`
				Namespace  string   `json:"namespace"`
				Resources  []string `json:"resources"`
			}
			if err := yaml.UnmarshalStrict(raw, &k); err != nil {
				t.Fatalf("%s: %v", base, err)
			}
			for _, r := range k.Resources {
				kust[r] = true
			}
			continue
		}
		m.files = append(m.files, base)
		for i, doc := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(raw), -1) {
			if strings.TrimSpace(stripComments(doc)) == "" {
				continue
			}
			var tm metav1.TypeMeta
			if err := yaml.Unmarshal([]byte(doc), &tm); err != nil {
				t.Fatalf("%s doc %d: %v", base, i, err)
			}
			var obj any
			switch tm.Kind {
			case "Deployment":
				d := &appsv1.Deployment{}
				obj = d
				defer func() { m.deployments[d.Name] = d }()
			case "PodDisruptionBudget":
				p := &policyv1.PodDisruptionBudget{}
				obj, m.pdbs = p, append(m.pdbs, p)
			case "NetworkPolicy":
				p := &networkingv1.NetworkPolicy{}
				obj, m.netpols = p, append(m.netpols, p)
			case "ScaledObject":
				s := &ScaledObject{}
				obj, m.scaled = s, append(m.scaled, s)
			case "ConfigMap":
				c := &corev1.ConfigMap{}
				obj = c
				defer func() { m.configMaps[c.Name] = c }()
			case "Secret":
				s := &corev1.Secret{}
				obj, m.secrets = s, append(m.secrets, s)
			case "Service":
				s := &corev1.Service{}
				obj, m.services = s, append(m.services, s)
			case "ServiceAccount":
				obj = &corev1.ServiceAccount{}
			case "Namespace":
				obj = &corev1.Namespace{}
			case "PersistentVolumeClaim":
				c := &corev1.PersistentVolumeClaim{}
				obj = c
				defer func() { m.pvcs[c.Name] = c }()
			default:
				t.Fatalf("%s doc %d: kind %q has no check here; add one", base, i, tm.Kind)
			}
			if err := yaml.UnmarshalStrict([]byte(doc), obj); err != nil {
				t.Fatalf("%s doc %d (%s): %v", base, i, tm.Kind, err)
			}
		}
	}
	for _, f := range m.files {
		if !kust[f] {
			t.Errorf("%s is not listed in kustomization.yaml", f)
		}
	}
	for r := range kust {
		if !slices.Contains(m.files, r) {
			t.Errorf("kustomization.yaml lists missing %s", r)
		}
	}
	return m
}

func stripComments(doc string) string {
	var b strings.Builder
	for _, l := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

func env(c corev1.Container, name string) (string, bool) {
	for _, e := range c.Env {
		if e.Name == name {
			return e.Value, true
		}
	}
	return "", false
}

// deploymentConfig is the configuration a container runs with: the
// ConfigMap's config.yaml overlaid with the container's CLINSCRIBE_*
// environment, with defaults and validation, as the binary does it.
func deploymentConfig(t *testing.T, m *manifests, c corev1.Container) config.Config {
	t.Helper()
	cm, ok := m.configMaps["clinscribe-config"]
	if !ok {
		t.Fatal("no ConfigMap clinscribe-config")
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(cm.Data["config.yaml"]), 0o600); err != nil {
		t.Fatal(err)
	}
	var environ []string
	for _, e := range c.Env {
		if strings.HasPrefix(e.Name, config.EnvPrefix) && e.Name != "CLINSCRIBE_CONFIG" {
			if e.ValueFrom != nil {
				t.Fatalf("%s: settings come from the config, secrets from files", e.Name)
			}
			environ = append(environ, e.Name+"="+e.Value)
		}
	}
	environ = append(environ, "CLINSCRIBE_SERVICE_WORKER_ID=manifest-test")
	cfg, err := config.Load(path, environ)
	if err != nil {
		t.Fatalf("container %s: config does not validate: %v", c.Name, err)
	}
	return cfg
}

func TestManifests(t *testing.T) {
	t.Parallel()
	m := loadManifests(t)
	workers := []string{}
	for name := range m.deployments {
		if strings.HasPrefix(name, "worker-") {
			workers = append(workers, name)
		}
	}
	slices.Sort(workers)
	if len(workers) < 3 || m.deployments["serve"] == nil {
		t.Fatalf("want worker Deployments per queue group and serve; have %v", workers)
	}

	served := map[string]string{} // queue -> deployment
	for name, d := range m.deployments {
		t.Run(name, func(t *testing.T) {
			checkDeployment(t, m, d)
			cfg := deploymentConfig(t, m, d.Spec.Template.Spec.Containers[0])
			checkAuditSink(t, d, cfg)
			if cfg.Ops.Listen != ":9090" {
				t.Errorf("ops.listen = %q; probes use port 9090", cfg.Ops.Listen)
			}
			if name == "serve" {
				if !inSecretMount(d, cfg.API.TokensFile) {
					t.Errorf("api.tokens_file %q is not in a read-only Secret mount", cfg.API.TokensFile)
				}
				if *d.Spec.Replicas < 2 {
					t.Errorf("serve has %d replicas: one pod is a single point of failure for the clinic", *d.Spec.Replicas)
				}
				checkConsoleSessions(t, m, cfg)
			}
			if !strings.HasPrefix(name, "worker-") {
				return
			}
			grace := time.Duration(*d.Spec.Template.Spec.TerminationGracePeriodSeconds) * time.Second
			if grace <= cfg.Worker.ShutdownTimeout {
				t.Errorf("terminationGracePeriodSeconds %s <= worker.shutdown_timeout %s: in-flight tasks would be killed", grace, cfg.Worker.ShutdownTimeout)
			}
			for q, w := range cfg.Worker.Queues {
				if w <= 0 {
					continue
				}
				if other, dup := served[q]; dup {
					t.Errorf("queue %s served by %s and %s", q, other, name)
				}
				served[q] = name
			}
		})
	}
	for _, q := range worker.AllQueues {
		if served[q] == "" {
			t.Errorf("no worker Deployment serves queue %s", q)
		}
	}

	// A PDB per Deployment, selecting exactly its pods.
	for name, d := range m.deployments {
		n := 0
		for _, p := range m.pdbs {
			if p.Spec.Selector != nil && matches(p.Spec.Selector.MatchLabels, d.Spec.Template.Labels) {
				n++
				if p.Spec.MaxUnavailable == nil && p.Spec.MinAvailable == nil {
					t.Errorf("PDB %s sets neither maxUnavailable nor minAvailable", p.Name)
				}
			}
		}
		if n != 1 {
			t.Errorf("Deployment %s is covered by %d PodDisruptionBudgets, want 1", name, n)
		}
	}

	// A ScaledObject per worker Deployment, on pending+active of the
	// queues that Deployment serves (and only those), never asynq's size.
	scaledFor := map[string]bool{}
	for _, s := range m.scaled {
		target := s.Spec.ScaleTargetRef.Name
		d, ok := m.deployments[target]
		if !ok {
			t.Errorf("ScaledObject %s targets unknown Deployment %q", s.Name, target)
			continue
		}
		scaledFor[target] = true
		cfg := deploymentConfig(t, m, d.Spec.Template.Spec.Containers[0])
		if s.Spec.MinReplicaCount == nil || *s.Spec.MinReplicaCount < 1 || s.Spec.MaxReplicaCount == nil {
			t.Errorf("ScaledObject %s: set minReplicaCount >= 1 and maxReplicaCount", s.Name)
		}
		if len(s.Spec.Triggers) == 0 {
			t.Errorf("ScaledObject %s has no trigger", s.Name)
		}
		for _, tr := range s.Spec.Triggers {
			q := tr.Metadata["query"]
			if tr.Type != "prometheus" || !strings.Contains(q, "clinscribe_queue_tasks") || !strings.Contains(q, `state=~"pending|active"`) ||
				strings.Contains(q, "asynq_queue_size") || !strings.Contains(q, "max by (queue, state)") {
				t.Errorf("ScaledObject %s: trigger %s query %q must sum max-by-(queue,state) clinscribe_queue_tasks pending|active", s.Name, tr.Type, q)
			}
			if tr.Metadata["threshold"] != "" && tr.Metadata["threshold"] != strings.TrimSpace(containerEnv(d.Spec.Template.Spec.Containers[0], "CLINSCRIBE_WORKER_CONCURRENCY")) {
				t.Errorf("ScaledObject %s: threshold %s is not the worker concurrency", s.Name, tr.Metadata["threshold"])
			}
			for qname, w := range cfg.Worker.Queues {
				if qname == worker.QueueMaintenance || w <= 0 {
					continue // maintenance is a handful of scheduled jobs
				}
				if !strings.Contains(q, qname) {
					t.Errorf("ScaledObject %s does not scale on queue %s, which %s serves", s.Name, qname, target)
				}
			}
			for _, qname := range worker.AllQueues {
				if strings.Contains(q, `"`+qname) || strings.Contains(q, qname+`|`) || strings.Contains(q, `|`+qname) {
					if _, ok := cfg.Worker.Queues[qname]; !ok {
						t.Errorf("ScaledObject %s scales on queue %s, which %s does not serve", s.Name, qname, target)
					}
				}
			}
		}
	}
	for _, w := range workers {
		if !scaledFor[w] {
			t.Errorf("worker Deployment %s has no KEDA ScaledObject", w)
		}
	}

	// No secret values in the manifests.
	for _, s := range m.secrets {
		if len(s.Data) > 0 || len(s.StringData) > 0 {
			t.Errorf("Secret %s carries data inline: create secrets outside the manifests", s.Name)
		}
	}
	for _, cm := range m.configMaps {
		for k, v := range cm.Data {
			if regexp.MustCompile(`(?i)(password|api_key|secret_key|token)\s*:\s*[^\s/]`).MatchString(v) {
				t.Errorf("ConfigMap %s/%s seems to hold a secret value", cm.Name, k)
			}
		}
	}

	// Default deny, then explicit egress and ingress for the pods.
	var deny, egress, ingress bool
	for _, p := range m.netpols {
		if len(p.Spec.PodSelector.MatchLabels) == 0 && len(p.Spec.Ingress) == 0 && len(p.Spec.Egress) == 0 &&
			slices.Contains(p.Spec.PolicyTypes, networkingv1.PolicyTypeIngress) && slices.Contains(p.Spec.PolicyTypes, networkingv1.PolicyTypeEgress) {
			deny = true
		}
		egress = egress || len(p.Spec.Egress) > 0
		ingress = ingress || len(p.Spec.Ingress) > 0
		for _, e := range p.Spec.Egress {
			for _, to := range e.To {
				if to.IPBlock != nil && to.IPBlock.CIDR == "0.0.0.0/0" {
					t.Errorf("NetworkPolicy %s allows egress anywhere", p.Name)
				}
			}
		}
	}
	if !deny || !egress || !ingress {
		t.Errorf("network policy: default deny %v, egress rules %v, ingress rules %v", deny, egress, ingress)
	}
}

func containerEnv(c corev1.Container, name string) string {
	v, _ := env(c, name)
	return v
}

func matches(sel, labels map[string]string) bool {
	if len(sel) == 0 {
		return false
	}
	for k, v := range sel {
		if labels[k] != v {
			return false
		}
	}
	return true
}

var imageRE = regexp.MustCompile(`^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$`)

func checkDeployment(t *testing.T, m *manifests, d *appsv1.Deployment) {
	t.Helper()
	spec := d.Spec.Template.Spec
	if d.Spec.Selector == nil || !matches(d.Spec.Selector.MatchLabels, d.Spec.Template.Labels) {
		t.Errorf("selector does not match the pod labels")
	}
	if spec.TerminationGracePeriodSeconds == nil {
		t.Fatalf("terminationGracePeriodSeconds unset")
	}
	psc := spec.SecurityContext
	if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot || psc.RunAsUser == nil || *psc.RunAsUser == 0 {
		t.Errorf("pod securityContext must set runAsNonRoot and a non-zero runAsUser")
	}
	if psc == nil || psc.SeccompProfile == nil || psc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
		t.Errorf("pod securityContext must use the RuntimeDefault seccomp profile")
	}
	if spec.AutomountServiceAccountToken == nil || *spec.AutomountServiceAccountToken {
		t.Errorf("automountServiceAccountToken must be false: clinscribe does not call the Kubernetes API")
	}
	if len(spec.Containers) != 1 {
		t.Fatalf("want one container, have %d", len(spec.Containers))
	}
	for _, c := range spec.Containers {
		if !imageRE.MatchString(c.Image) || strings.HasSuffix(c.Image, ":latest") {
			t.Errorf("container %s: image %q must carry a version tag or digest, not :latest", c.Name, c.Image)
		}
		sc := c.SecurityContext
		if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
			t.Errorf("container %s: readOnlyRootFilesystem must be true", c.Name)
		}
		if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			t.Errorf("container %s: allowPrivilegeEscalation must be false", c.Name)
		}
		if sc == nil || sc.Capabilities == nil || !slices.Contains(sc.Capabilities.Drop, "ALL") || len(sc.Capabilities.Add) > 0 {
			t.Errorf("container %s: capabilities must drop ALL and add none", c.Name)
		}
		for _, res := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			if _, ok := c.Resources.Requests[res]; !ok {
				t.Errorf("container %s: no %s request", c.Name, res)
			}
			if _, ok := c.Resources.Limits[res]; !ok {
				t.Errorf("container %s: no %s limit", c.Name, res)
			}
		}
		probe := func(p *corev1.Probe, path, kind string) {
			if p == nil || p.HTTPGet == nil || p.HTTPGet.Path != path {
				t.Errorf("container %s: %s probe must GET %s", c.Name, kind, path)
				return
			}
			port := p.HTTPGet.Port.String()
			found := false
			for _, cp := range c.Ports {
				if cp.Name == port || cp.ContainerPort == p.HTTPGet.Port.IntVal {
					found = cp.ContainerPort == 9090
				}
			}
			if !found {
				t.Errorf("container %s: %s probe port %s is not the ops port 9090", c.Name, kind, port)
			}
		}
		probe(c.LivenessProbe, "/healthz", "liveness")
		probe(c.ReadinessProbe, "/readyz", "readiness")
		for _, e := range c.Env {
			upper := strings.ToUpper(e.Name)
			if e.Value != "" && regexp.MustCompile(`PASSWORD|SECRET|TOKEN|API_KEY|ACCESS_KEY`).MatchString(upper) && !strings.HasSuffix(upper, "_FILE") {
				t.Errorf("container %s: env %s holds a secret inline; mount it as a file", c.Name, e.Name)
			}
		}
		if v, ok := env(c, "CLINSCRIBE_CONFIG"); !ok || !strings.HasPrefix(v, "/etc/clinscribe/") {
			t.Errorf("container %s: CLINSCRIBE_CONFIG must point into the mounted ConfigMap", c.Name)
		}
		// Writable paths: /tmp only (ciphertext spool); the audit trail
		// lives in an Object Lock bucket, the records in S3.
		for _, vm := range c.VolumeMounts {
			if !vm.ReadOnly && vm.MountPath != "/tmp" {
				t.Errorf("container %s: %s is mounted writable", c.Name, vm.MountPath)
			}
		}
	}
	for _, v := range spec.Volumes {
		if v.PersistentVolumeClaim != nil {
			pvc, ok := m.pvcs[v.PersistentVolumeClaim.ClaimName]
			if !ok {
				t.Errorf("volume %s: no PVC %s in the manifests", v.Name, v.PersistentVolumeClaim.ClaimName)
			} else if !slices.Contains(pvc.Spec.AccessModes, corev1.ReadWriteMany) {
				t.Errorf("PVC %s is shared by every replica: it must be ReadWriteMany", pvc.Name)
			}
		}
		if v.Secret != nil && v.Secret.DefaultMode != nil && *v.Secret.DefaultMode&0o077 != 0 {
			t.Errorf("secret volume %s is readable by group or others", v.Name)
		}
	}
}

// In production every pod writes the audit trail to an S3 bucket with
// Object Lock (a local directory would be neither shared nor immutable),
// and signs its checkpoints with a key mounted read-only from a Secret.
func checkAuditSink(t *testing.T, d *appsv1.Deployment, cfg config.Config) {
	t.Helper()
	if cfg.Audit.Sink != "s3" || cfg.Audit.S3.Bucket == "" {
		t.Errorf("audit.sink %q (bucket %q): production writes the trail to an Object Lock bucket", cfg.Audit.Sink, cfg.Audit.S3.Bucket)
	}
	if !inSecretMount(d, cfg.Audit.SigningKeyFile) {
		t.Errorf("audit.signing_key_file %q is not in a read-only Secret mount", cfg.Audit.SigningKeyFile)
	}
}

// inSecretMount says whether path lies in a Secret mounted read-only into
// the Deployment's container.
func inSecretMount(d *appsv1.Deployment, path string) bool {
	spec := d.Spec.Template.Spec
	secrets := map[string]bool{}
	for _, v := range spec.Volumes {
		if v.Secret != nil {
			secrets[v.Name] = true
		}
	}
	for _, vm := range spec.Containers[0].VolumeMounts {
		if secrets[vm.Name] && vm.ReadOnly && strings.HasPrefix(path, strings.TrimSuffix(vm.MountPath, "/")+"/") {
			return true
		}
	}
	return false
}

// The Dockerfile builds a static binary and runs it as a non-root user on
// a minimal base.
func TestDockerfile(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../../deploy/Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	froms := regexp.MustCompile(`(?m)^FROM\s+(\S+)`).FindAllSubmatch(raw, -1)
	if len(froms) < 2 {
		t.Fatalf("want a multi-stage build, have %d FROM lines", len(froms))
	}
	final := string(froms[len(froms)-1][1])
	if !strings.HasPrefix(final, "gcr.io/distroless/static") && final != "scratch" {
		t.Errorf("final stage %q is not distroless static or scratch", final)
	}
	for _, want := range []string{"CGO_ENABLED=0", "USER 65532"} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
}

// The Grafana dashboard parses and queries only metrics clinscribe
// defines (a renamed metric would leave a panel silently empty).
func TestGrafanaDashboard(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../../deploy/grafana/clinscribe-dashboard.json")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Title  string `json:"title"`
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	for _, n := range metrics.New().Names() {
		defined[n] = true
	}
	n := 0
	for _, p := range d.Panels {
		for _, tg := range p.Targets {
			for _, name := range regexp.MustCompile(`clinscribe_[a-z_]+`).FindAllString(tg.Expr, -1) {
				n++
				base := name
				for _, suf := range []string{"_bucket", "_count", "_sum"} {
					if b, ok := strings.CutSuffix(name, suf); ok && defined[b] {
						base = b
					}
				}
				if !defined[base] {
					t.Errorf("panel %q queries %s, which clinscribe does not export", p.Title, name)
				}
			}
		}
	}
	if len(d.Panels) < 10 || n < 10 {
		t.Fatalf("dashboard has %d panels, %d metric references", len(d.Panels), n)
	}
}

// checkConsoleSessions: console sessions live in one serve pod's memory, so
// with more than one pod the Service must keep a browser on one pod for at
// least a session's life; and TLS ends at the ingress, so cookies must be
// marked Secure by configuration.
func checkConsoleSessions(t *testing.T, m *manifests, cfg config.Config) {
	t.Helper()
	if cfg.Console.Disabled {
		return
	}
	if !cfg.Console.BehindTLS {
		t.Error("console.behind_tls is off: serve speaks HTTP behind the ingress's TLS, so the session cookie would not be Secure")
	}
	for _, s := range m.services {
		if s.Name != "serve" {
			continue
		}
		if s.Spec.SessionAffinity != corev1.ServiceAffinityClientIP || s.Spec.SessionAffinityConfig == nil ||
			s.Spec.SessionAffinityConfig.ClientIP == nil || s.Spec.SessionAffinityConfig.ClientIP.TimeoutSeconds == nil {
			t.Error("Service serve has no ClientIP session affinity: console sessions are per pod")
			return
		}
		if got := time.Duration(*s.Spec.SessionAffinityConfig.ClientIP.TimeoutSeconds) * time.Second; got < cfg.Console.AbsoluteTimeout {
			t.Errorf("Service serve pins clients for %s, less than console.absolute_timeout %s", got, cfg.Console.AbsoluteTimeout)
		}
		return
	}
	t.Error("no Service serve")
}
