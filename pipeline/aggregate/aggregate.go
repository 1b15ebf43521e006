// Package aggregate computes the statistics a clinic uses to improve its
// models and prompts — per template, model and provider: drafts produced,
// share signed unchanged, mean edit ratio, share of sentences flagged
// unsupported, review requests and outcomes, tokens and latency — from
// de-identified records only.
//
// The Store's only input type is deid.Record, which only package deid can
// make (through de-identification), and it can only reach keys under
// aggregate/. The Recorder (the deid queue's task) is the one part that
// reads an encounter: it builds the record through deid.NewRecord with the
// encounter's known identifiers and hands the Store nothing else. Every
// published count below k (default 11) is suppressed.
package aggregate

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/clinscribe/clinscribe/deid"
	"github.com/clinscribe/clinscribe/storage"
)

// Prefix is the only part of storage the aggregation store may touch.
const Prefix = "aggregate/records/"

// ErrOutsidePrefix means code tried to reach storage outside aggregate/.
var ErrOutsidePrefix = errors.New("aggregate: storage outside aggregate/ is not reachable from here")

// Store keeps de-identified records.
type Store struct {
	bs  storage.Blobstore
	det *deid.Detector
}

// NewStore returns a Store over bs (an encrypting Vault), confined to Prefix.
func NewStore(bs storage.Blobstore, det *deid.Detector) *Store {
	return &Store{bs: confined{bs}, det: det}
}

// confined refuses every key outside Prefix.
type confined struct{ bs storage.Blobstore }

func (c confined) check(key string) error {
	if !strings.HasPrefix(key, Prefix) {
		return ErrOutsidePrefix
	}
	return nil
}

func (c confined) Put(ctx context.Context, key string, body io.Reader, mode storage.WriteMode) error {
	if err := c.check(key); err != nil {
		return err
	}
	return c.bs.Put(ctx, key, body, mode)
}

func (c confined) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := c.check(key); err != nil {
		return nil, err
	}
	return c.bs.Get(ctx, key)
}

func (c confined) Delete(ctx context.Context, key string) error {
	if err := c.check(key); err != nil {
		return err
	}
	return c.bs.Delete(ctx, key)
}

func (c confined) List(ctx context.Context, prefix string) ([]string, error) {
	if err := c.check(prefix); err != nil {
		return nil, err
	}
	return c.bs.List(ctx, prefix)
}

// NewRecordID returns a random record ID: it is not derived from the
// encounter, so the aggregate store cannot be joined back to it.
func NewRecordID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return "ag_" + hex.EncodeToString(b)
}

// Put stores (or replaces) a record.
func (s *Store) Put(ctx context.Context, id string, r deid.Record) error {
	if !r.Valid() {
		return errors.New("aggregate.Put: the record did not come from deid.NewRecord")
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.bs.Put(ctx, Prefix+id+".json", bytes.NewReader(b), storage.Overwrite)
}

// Delete removes a record.
func (s *Store) Delete(ctx context.Context, id string) error {
	return s.bs.Delete(ctx, Prefix+id+".json")
}

// All reads every record; each passes through de-identification again.
func (s *Store) All(ctx context.Context) ([]deid.Record, error) {
	keys, err := s.bs.List(ctx, Prefix)
	if err != nil {
		return nil, err
	}
	out := make([]deid.Record, 0, len(keys))
	for _, k := range keys {
		b, err := storage.ReadAll(ctx, s.bs, k)
		if err != nil {
			return nil, err
		}
		r, err := s.det.DecodeRecord(b)
		if err != nil {
			return nil, fmt.Errorf("aggregate: %s: %w", k, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Row is one group's statistics. Means and shares over groups that are
// published are safe: the group itself has at least k records.
type Row struct {
	Template                  string          `json:"template"`
	Model                     string          `json:"model"`
	Provider                  string          `json:"provider"`
	Drafts                    int             `json:"drafts"`
	ShareSignedUnchanged      float64         `json:"share_signed_unchanged"`
	MeanEditRatio             float64         `json:"mean_edit_ratio"`
	ShareSentencesUnsupported float64         `json:"share_sentences_unsupported"`
	ReviewRequests            *int            `json:"review_requests"`
	ReviewOutcomes            map[string]*int `json:"review_outcomes"`
	MeanPromptTokens          float64         `json:"mean_prompt_tokens"`
	MeanCompletionTokens      float64         `json:"mean_completion_tokens"`
	MeanLatencyMS             float64         `json:"mean_latency_ms"`
}

// Report is an aggregate export.
type Report struct {
	MinCell          int   `json:"min_cell"`
	Rows             []Row `json:"rows"`
	SuppressedGroups int   `json:"suppressed_groups"`
	Records          *int  `json:"records"`
}

type group struct {
	key                      [3]string
	n                        int
	unchanged, reviews       int
	edit, tokIn, tokOut, lat float64
	sentences, unsupported   int
	outcomes                 map[string]int
}

// Build aggregates records, grouping by template, model and provider, and
// suppresses every count between 1 and k-1: groups with fewer than k
// records are dropped whole, smaller counts inside a group are published
// as null. k below deid.DefaultMinCell is raised to it.
func Build(records []deid.Record, k int) (Report, error) {
	if k < deid.DefaultMinCell {
		k = deid.DefaultMinCell
	}
	groups := map[[3]string]*group{}
	for i, r := range records {
		if !r.Valid() {
			return Report{}, fmt.Errorf("aggregate.Build: record %d did not come from deid.NewRecord", i)
		}
		key := [3]string{r.TemplateID(), r.Model(), r.Provider()}
		g := groups[key]
		if g == nil {
			g = &group{key: key, outcomes: map[string]int{}}
			groups[key] = g
		}
		g.n++
		if r.SignedUnchanged() {
			g.unchanged++
		}
		g.edit += r.EditRatio()
		g.sentences += r.Sentences()
		g.unsupported += r.UnsupportedSentences()
		if r.ReviewRequested() {
			g.reviews++
			if o := r.ReviewOutcome(); o != "" {
				g.outcomes[o]++
			}
		}
		g.tokIn += float64(r.PromptTokens())
		g.tokOut += float64(r.CompletionTokens())
		g.lat += float64(r.Latency().Milliseconds())
	}
	all := make([]*group, 0, len(groups))
	for _, g := range groups {
		all = append(all, g)
	}
	kept, suppressed := deid.SuppressSmallCells(all, k, func(g *group) int { return g.n })
	sort.Slice(kept, func(i, j int) bool {
		return strings.Join(kept[i].key[:], "\x00") < strings.Join(kept[j].key[:], "\x00")
	})
	rep := Report{MinCell: k, SuppressedGroups: suppressed, Rows: []Row{}, Records: cell(len(records), k)}
	for _, g := range kept {
		n := float64(g.n)
		row := Row{Template: g.key[0], Model: g.key[1], Provider: g.key[2], Drafts: g.n,
			ShareSignedUnchanged: float64(g.unchanged) / n, MeanEditRatio: g.edit / n,
			ReviewRequests: cell(g.reviews, k), ReviewOutcomes: map[string]*int{},
			MeanPromptTokens: g.tokIn / n, MeanCompletionTokens: g.tokOut / n, MeanLatencyMS: g.lat / n}
		if g.sentences > 0 {
			row.ShareSentencesUnsupported = float64(g.unsupported) / float64(g.sentences)
		}
		for o, c := range g.outcomes {
			row.ReviewOutcomes[o] = cell(c, k)
		}
		rep.Rows = append(rep.Rows, row)
	}
	return rep, nil
}

// cell publishes a count unless it is a small cell.
func cell(n, k int) *int {
	if n > 0 && n < k {
		return nil
	}
	return &n
}

// WriteJSON writes the report as JSON.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteCSV writes one line per group; suppressed counts are written as
// "<k" (for example "<11").
func (r Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	outcomes := map[string]bool{}
	for _, row := range r.Rows {
		for o := range row.ReviewOutcomes {
			outcomes[o] = true
		}
	}
	names := make([]string, 0, len(outcomes))
	for o := range outcomes {
		names = append(names, o)
	}
	sort.Strings(names)
	head := []string{"template", "model", "provider", "drafts", "share_signed_unchanged", "mean_edit_ratio",
		"share_sentences_unsupported", "review_requests"}
	for _, o := range names {
		head = append(head, "review_"+o)
	}
	head = append(head, "mean_prompt_tokens", "mean_completion_tokens", "mean_latency_ms")
	if err := cw.Write(head); err != nil {
		return err
	}
	small := "<" + strconv.Itoa(r.MinCell)
	show := func(c *int) string {
		if c == nil {
			return small
		}
		return strconv.Itoa(*c)
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
	for _, row := range r.Rows {
		line := []string{row.Template, row.Model, row.Provider, strconv.Itoa(row.Drafts), f(row.ShareSignedUnchanged),
			f(row.MeanEditRatio), f(row.ShareSentencesUnsupported), show(row.ReviewRequests)}
		for _, o := range names {
			c, ok := row.ReviewOutcomes[o]
			if !ok {
				zero := 0
				c = &zero
			}
			line = append(line, show(c))
		}
		line = append(line, f(row.MeanPromptTokens), f(row.MeanCompletionTokens), f(row.MeanLatencyMS))
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
