package worker_test

import (
	"errors"
	"fmt"

	"github.com/hibiken/asynq"

	"github.com/clinscribe/clinscribe/pipeline/encounter"
	"github.com/clinscribe/clinscribe/pipeline/phi"
	"github.com/clinscribe/clinscribe/worker"
)

// What reaches Redis for a stage: an opaque encounter ID in the payload and
// in the task ID that deduplicates it, nothing else. Anything that is not
// exactly an encounter ID is refused on the way in and, permanently, on the
// way out.
func Example() {
	id := "enc_4n2ezjyq6s3v2bjl5bqg7kxw4a"
	payload, err := worker.NewPayload(id)
	fmt.Println(string(payload), err)
	fmt.Println(worker.TaskID(encounter.StageSummarize, id))

	_, err = worker.NewPayload("MRN-00451287")
	fmt.Println("a patient identifier as payload:", err)

	_, err = worker.DecodePayload([]byte(`{"encounter_id":"Harold Whitcombe"}`))
	fmt.Println("decoded:", phi.CodeOf(err), phi.IsPermanent(err), errors.Is(err, asynq.SkipRetry))
	// Output:
	// {"encounter_id":"enc_4n2ezjyq6s3v2bjl5bqg7kxw4a"} <nil>
	// summarize:enc_4n2ezjyq6s3v2bjl5bqg7kxw4a
	// a patient identifier as payload: worker: not an encounter ID
	// decoded: invalid_input true true
}
