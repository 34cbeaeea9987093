package score

// writtenAs reports whether an extracted name is one of the forms the gold
// says the record writes an entity in ("Dobrynin", "Z. Mlynář",
// "В. Виноградов" for the gold's "Zdeněk Mlynář" ...): a name read from a
// signature or a title's office is as the record writes it when the
// gazetteer does not know the person.
func (d *doc) writtenAs(gold, got string) bool {
	k := fold(got)
	if k == "" {
		return false
	}
	for _, e := range d.gold.Entities {
		if e.Name != gold {
			continue
		}
		for _, l := range e.Labels {
			if fold(l) == k {
				return true
			}
		}
	}
	return false
}
