package config

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// EnvPrefix starts every configuration environment variable.
const EnvPrefix = "CLINSCRIBE_"

// applyEnv overlays CLINSCRIBE_* variables on c. Variables that name no
// setting are an error, so a typo does not silently leave a default in
// place.
func applyEnv(c *Config, environ []string) error {
	fields := map[string]reflect.Value{}
	collect(reflect.ValueOf(c).Elem(), EnvPrefix, fields)
	var errs []string
	for _, kv := range environ {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, EnvPrefix) || name == EnvPrefix+"CONFIG" {
			continue
		}
		f, known := fields[name]
		if !known {
			errs = append(errs, fmt.Sprintf("%s: no such setting", name))
			continue
		}
		if err := setValue(f, val); err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", name, err))
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return fmt.Errorf("config: environment:\n  - %s", strings.Join(errs, "\n  - "))
	}
	return nil
}

// EnvNames lists every variable name applyEnv understands.
func EnvNames() []string {
	var c Config
	fields := map[string]reflect.Value{}
	collect(reflect.ValueOf(&c).Elem(), EnvPrefix, fields)
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var durationType = reflect.TypeOf(time.Duration(0))

func collect(v reflect.Value, prefix string, out map[string]reflect.Value) {
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		fv := v.Field(i)
		if opts == "inline" {
			collect(fv, prefix, out)
			continue
		}
		if name == "" || name == "-" {
			continue
		}
		key := prefix + strings.ToUpper(name)
		switch {
		case sf.Type.Kind() == reflect.Struct && sf.Type != durationType:
			collect(fv, key+"_", out)
		case sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.Struct:
			// lists of structs (providers) come from the file only
		default:
			out[key] = fv
		}
	}
}

func setValue(f reflect.Value, s string) error {
	switch {
	case f.Type() == durationType:
		d, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("not a duration (e.g. 30s, 5m)")
		}
		f.SetInt(int64(d))
	case f.Kind() == reflect.String:
		f.SetString(s)
	case f.Kind() == reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("not a boolean")
		}
		f.SetBool(b)
	case f.Kind() >= reflect.Int && f.Kind() <= reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("not an integer")
		}
		f.SetInt(n)
	case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
		var parts []string
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		f.Set(reflect.ValueOf(parts))
	case f.Kind() == reflect.Map && f.Type().Key().Kind() == reflect.String && f.Type().Elem().Kind() == reflect.Int:
		m := reflect.MakeMap(f.Type())
		for _, p := range strings.Split(s, ",") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			n, err := strconv.Atoi(v)
			if !ok || err != nil {
				return fmt.Errorf("want key=number,key=number")
			}
			m.SetMapIndex(reflect.ValueOf(strings.TrimSpace(k)), reflect.ValueOf(n))
		}
		f.Set(m)
	default:
		return fmt.Errorf("cannot be set from the environment")
	}
	return nil
}
