package storage

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
)

// KMSAPI is the part of the AWS KMS client KMS uses.
type KMSAPI interface {
	GenerateDataKey(ctx context.Context, in *kms.GenerateDataKeyInput, opts ...func(*kms.Options)) (*kms.GenerateDataKeyOutput, error)
	Decrypt(ctx context.Context, in *kms.DecryptInput, opts ...func(*kms.Options)) (*kms.DecryptOutput, error)
}

// KMS is a KeyManager backed by AWS KMS: every data key comes from
// GenerateDataKey (AES_256) under one KMS key, with the KeyContext as the KMS
// encryption context, and is unwrapped with Decrypt naming the same key.
type KMS struct {
	client KMSAPI
	keyID  string
}

var _ KeyManager = (*KMS)(nil)

// NewKMS returns a KeyManager using the KMS key keyID (ID, ARN or alias).
func NewKMS(client KMSAPI, keyID string) (*KMS, error) {
	if client == nil || keyID == "" {
		return nil, errors.New("storage.NewKMS: client and key ID are required")
	}
	return &KMS{client: client, keyID: keyID}, nil
}

// GenerateDataKey implements KeyManager.
func (k *KMS) GenerateDataKey(ctx context.Context, kc KeyContext) (DataKey, error) {
	out, err := k.client.GenerateDataKey(ctx, &kms.GenerateDataKeyInput{
		KeyId:             aws.String(k.keyID),
		KeySpec:           kmstypes.DataKeySpecAes256,
		EncryptionContext: kc,
	})
	if err != nil {
		return DataKey{}, fmt.Errorf("storage.KMS.GenerateDataKey: %w", err)
	}
	if len(out.Plaintext) != DataKeySize || len(out.CiphertextBlob) == 0 {
		return DataKey{}, fmt.Errorf("storage.KMS.GenerateDataKey: KMS returned a %d-byte key, want %d", len(out.Plaintext), DataKeySize)
	}
	return DataKey{Plaintext: out.Plaintext, Wrapped: out.CiphertextBlob}, nil
}

// DecryptDataKey implements KeyManager.
func (k *KMS) DecryptDataKey(ctx context.Context, wrapped []byte, kc KeyContext) ([]byte, error) {
	out, err := k.client.Decrypt(ctx, &kms.DecryptInput{
		CiphertextBlob:    wrapped,
		KeyId:             aws.String(k.keyID),
		EncryptionContext: kc,
	})
	if err != nil {
		var invalid *kmstypes.InvalidCiphertextException
		var notFound *kmstypes.NotFoundException
		var disabled *kmstypes.DisabledException
		var incorrect *kmstypes.IncorrectKeyException
		if errors.As(err, &invalid) || errors.As(err, &notFound) || errors.As(err, &disabled) || errors.As(err, &incorrect) {
			return nil, fmt.Errorf("%w: KMS: %v", ErrKeyUnavailable, err)
		}
		return nil, fmt.Errorf("storage.KMS.DecryptDataKey: %w", err)
	}
	if len(out.Plaintext) != DataKeySize {
		return nil, fmt.Errorf("%w: KMS returned a %d-byte key", ErrKeyUnavailable, len(out.Plaintext))
	}
	return out.Plaintext, nil
}
