package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLayout holds the module to its map (README, “Layout”): imports flow
// one way (cmd → export → validate → parser), cmd/ reaches the Word and form
// readers only through parser/classify, and each shared helper exists once —
// the provenance separator in parser/text, the golden-file flag in
// parser/golden, Fold and Clip in parser/text.
func TestLayout(t *testing.T) {
	root := filepath.Join("..", "..")
	// banned[layer] are import prefixes a layer's files must not use.
	banned := map[string][]string{
		"parser/":   {"shenbao/validate", "shenbao/export", "shenbao/cmd"},
		"validate/": {"shenbao/export", "shenbao/cmd"},
		"export/":   {"shenbao/cmd"},
		"cmd/":      {"shenbao/parser/docx", "shenbao/parser/doc", "shenbao/parser/form"},
	}
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, root+string(filepath.Separator)))
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files++
		test := strings.HasSuffix(rel, "_test.go")
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for layer, bans := range banned {
				if !strings.HasPrefix(rel, layer) || test && layer == "cmd/" {
					continue
				}
				for _, b := range bans {
					if p == b || strings.HasPrefix(p, b+"/") {
						t.Errorf("%s imports %s: %s must not", rel, p, layer)
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					break
				}
				s, _ := strconv.Unquote(n.Value)
				if !test && s == " › " && !strings.HasPrefix(rel, "parser/text/") {
					t.Errorf("%s: the provenance separator spelled out; use text.Sep", fset.Position(n.Pos()))
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Bool" && len(n.Args) > 0 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Value == `"update"` && !strings.HasPrefix(rel, "parser/golden/") {
						t.Errorf("%s: a second -update flag; use parser/golden", fset.Position(n.Pos()))
					}
				}
			case *ast.FuncDecl:
				if n.Recv != nil || strings.HasPrefix(rel, "parser/text/") {
					break
				}
				switch strings.ToLower(n.Name.Name) {
				case "fold", "foldtext", "clip":
					t.Errorf("%s: func %s duplicates parser/text", fset.Position(n.Pos()), n.Name.Name)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("read %d Go files under %s, want the whole module", files, root)
	}
}
