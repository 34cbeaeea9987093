package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/docgraph/docgraph/vocab"
)

func newVocabCmd(a *app) *cobra.Command {
	var context bool
	c := &cobra.Command{
		Use:   "vocab",
		Short: "Print the dg: ontology as Turtle, or the JSON-LD context",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if context {
				_, err := a.stdout.Write(vocab.ContextJSON())
				return err
			}
			_, err := io.WriteString(a.stdout, vocab.Ontology)
			return err
		},
	}
	c.Flags().BoolVar(&context, "context", false, "print the JSON-LD context instead")
	return c
}
