package deid

import "time"

// timeNow is the clock of last resort for functions without a Detector.
var timeNow = time.Now
