// Package regulation parses the body of a regulation into its structure:
// 编, 分编, 章, 节, 条, 款, 项 and 目, repairing what OCR and layout broke.
package regulation

import "tiaoli/generator/model"

// Structure fills d.Regulation from d.Body. It is called for documents of
// kind regulation.
func Structure(d *model.Document) []model.Error {
	return nil
}
