package aws

import (
	"context"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strings"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/clinscribe/clinscribe/pipeline/phi"
)

// classify turns an error from an AWS call into a *phi.Error. The message
// names the operation, the AWS error code and the HTTP status only: AWS
// error messages can echo request content (a job name, a field value), so
// they stay in the cause, reachable with errors.As, and are never part of
// Error().
func classify(op string, err error) error {
	if err == nil {
		return nil
	}
	var pe *phi.Error
	if errors.As(err, &pe) {
		return err
	}
	switch {
	case errors.Is(err, context.Canceled):
		return phi.Wrap(err, phi.CodeCanceled, op+": canceled")
	case errors.Is(err, context.DeadlineExceeded):
		return phi.Wrap(err, phi.CodeTimeout, op+": timed out")
	}

	status := 0
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		status = re.HTTPStatusCode()
	}
	var api smithy.APIError
	if !errors.As(err, &api) {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return phi.Wrap(err, phi.CodeTimeout, op+": network timeout")
		}
		if status >= 500 {
			return phi.Wrap(err, phi.CodeProviderError, fmt.Sprintf("%s: HTTP %d", op, status))
		}
		// Connection refused or reset, DNS, a body the SDK could not
		// decode: worth another try later.
		return phi.Wrap(err, phi.CodeProviderError, op+": request failed ("+phi.TypeChain(err)+")")
	}

	code := api.ErrorCode()
	msg := func(what string) string {
		s := fmt.Sprintf("%s: %s (%s", op, what, safeCode(code))
		if status != 0 {
			s += fmt.Sprintf(", HTTP %d", status)
		}
		return s + ")"
	}
	switch code {
	case "ThrottlingException", "Throttling", "TooManyRequestsException", "LimitExceededException",
		"ServiceQuotaExceededException", "RequestLimitExceeded", "SlowDown":
		return phi.Wrap(err, phi.CodeRateLimited, msg("rate limited by AWS"))
	case "ServiceUnavailableException", "ModelNotReadyException", "ServiceUnavailable":
		return phi.Wrap(err, phi.CodeProviderOverloaded, msg("service unavailable"))
	case "InternalFailureException", "InternalServerException", "InternalFailure", "InternalError",
		"ModelErrorException", "ModelTimeoutException", "RequestTimeout", "RequestTimeoutException":
		return phi.Wrap(err, phi.CodeProviderError, msg("AWS internal error"))
	case "ExpiredTokenException", "ExpiredToken", "RequestExpired":
		// Temporary credentials expire and are refreshed; the next try
		// picks up fresh ones.
		return phi.Wrap(err, phi.CodeUnauthenticated, msg("credentials expired"))
	case "UnrecognizedClientException", "InvalidSignatureException", "MissingAuthenticationTokenException",
		"InvalidClientTokenId", "SignatureDoesNotMatch", "InvalidAccessKeyId":
		return phi.WrapPermanent(err, phi.CodeUnauthenticated, msg("credentials rejected; check the worker's AWS credentials"))
	case "AccessDeniedException", "AccessDenied", "KMS.AccessDeniedException", "KMS.DisabledException",
		"KMS.NotFoundException", "KMS.KMSInvalidStateException":
		return phi.WrapPermanent(err, phi.CodeForbidden, msg("access denied; check the IAM policy, bucket policy and KMS key policy"))
	case "ResourceNotFoundException":
		return phi.WrapPermanent(err, phi.CodeNotConfigured, msg("model or resource not found; check bedrock.model_id and the region"))
	case "NoSuchBucket":
		return phi.WrapPermanent(err, phi.CodeNotConfigured, msg("staging bucket not found; check staging.bucket"))
	case "ConflictException":
		// A job name collision; the next attempt draws a new random name.
		return phi.Wrap(err, phi.CodeConflict, msg("conflict"))
	case "ValidationException", "BadRequestException", "SerializationException", "InvalidRequest", "InvalidArgument":
		if tooLong(api.ErrorMessage()) {
			return phi.WrapPermanent(err, phi.CodeTooLarge, msg("input exceeds the model's context window; split the source into smaller chunks"))
		}
		return phi.WrapPermanent(err, phi.CodeProviderRejected, msg("request rejected"))
	}
	switch {
	case status == 429:
		return phi.Wrap(err, phi.CodeRateLimited, msg("rate limited by AWS"))
	case status >= 500:
		return phi.Wrap(err, phi.CodeProviderError, msg("AWS server error"))
	case status == 401:
		return phi.WrapPermanent(err, phi.CodeUnauthenticated, msg("credentials rejected"))
	case status == 403:
		return phi.WrapPermanent(err, phi.CodeForbidden, msg("access denied"))
	case status >= 400:
		return phi.WrapPermanent(err, phi.CodeProviderRejected, msg("request rejected"))
	}
	return phi.Wrap(err, phi.CodeProviderError, msg("AWS error"))
}

// tooLong recognizes Bedrock's context-window errors. The message is only
// read here, never copied.
func tooLong(m string) bool {
	m = strings.ToLower(m)
	for _, s := range []string{"too long", "too many tokens", "context length", "context window", "maximum context", "prompt is too long", "input length"} {
		if strings.Contains(m, s) {
			return true
		}
	}
	return false
}

var codeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9.]{0,63}$`)

// safeCode returns an AWS error code if it looks like one. Codes come from
// a header or the body of the response; anything else is not echoed.
func safeCode(code string) string {
	if codeRE.MatchString(code) {
		return code
	}
	return "unrecognized error code"
}

// JobFailedError is the cause of a job that ended FAILED. Reason is AWS's
// FailureReason, which is free text: it is kept for an operator debugging
// in-process (errors.As) and never printed by the *phi.Error that wraps it.
type JobFailedError struct {
	Job    string
	Reason string
}

func (e *JobFailedError) Error() string { return "job " + e.Job + " failed: " + e.Reason }

// jobFailed classifies a FAILED job by its reason.
func jobFailed(op, job, reason string) error {
	cause := &JobFailedError{Job: job, Reason: reason}
	r := strings.ToLower(reason)
	switch {
	case strings.Contains(r, "internal"):
		return phi.Wrap(cause, phi.CodeProviderError, op+": the job failed inside AWS")
	case strings.Contains(r, "access") || strings.Contains(r, "permission") || strings.Contains(r, "kms") ||
		strings.Contains(r, "denied") || strings.Contains(r, "role"):
		return phi.WrapPermanent(cause, phi.CodeForbidden, op+": the job could not read the staged recording or write its output; check the bucket policy, data access role and KMS key policy")
	case strings.Contains(r, "no speech") || strings.Contains(r, "no audio") || strings.Contains(r, "silence"):
		return phi.WrapPermanent(cause, phi.CodeNoSpeech, op+": no speech in the recording")
	}
	return phi.WrapPermanent(cause, phi.CodeAudioInvalid, op+": the job rejected the recording (unsupported, corrupt or too long)")
}
