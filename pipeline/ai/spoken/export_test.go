package spoken

// HasNumberWord and NumberWords expose hasNumberWord's check and list to
// the tests.
var HasNumberWord = hasNumberWord

func NumberWords() []string { return numberWords }
