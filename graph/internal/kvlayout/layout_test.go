package kvlayout

import (
	"reflect"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// DecodeValue's own decoding of the string forms must give what Cayley's
// protobuf decoder gives, for every form a value may take.
func TestDecodeValueAgreesWithCayley(t *testing.T) {
	vals := []quad.Value{
		quad.IRI("http://example.org/a"),
		quad.IRI(""),
		quad.BNode("b0"),
		quad.String("plain"),
		quad.String(""),
		quad.String("Молотов, В. М. — «тов.»"),
		quad.LangString{Value: "Moscow", Lang: "en"},
		quad.LangString{Value: "", Lang: "ru"},
		quad.TypedString{Value: "1945-02-04", Type: "http://www.w3.org/2001/XMLSchema#date"},
		quad.TypedString{Value: "", Type: "http://www.w3.org/2001/XMLSchema#string"},
		quad.TypedString{Value: "x", Type: ""},
		quad.Int(42),
		quad.Float(2.5),
		quad.Bool(true),
		quad.Time(time.Date(1950, 2, 14, 0, 0, 0, 0, time.UTC)),
	}
	for _, v := range vals {
		b, err := EncodeValue(v)
		if err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		want, err := pquads.UnmarshalValue(b)
		if err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		got, err := DecodeValue(b)
		if err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%#v: decoded %#v, Cayley decodes %#v", v, got, want)
		}
	}
	// Malformed records are refused as Cayley refuses them, not misread.
	for _, b := range [][]byte{{0x1a, 0x05, 'a'}, {0x2a, 0x03, 0x0a, 0x05, 'x'}} {
		if _, err := DecodeValue(b); err == nil {
			t.Errorf("%x: decoded a truncated record", b)
		}
	}
}
