import VaktaalCore
import VaktaalText

extension Concept {
    /// The concept with every position `lines` lines further down (up for a negative count):
    /// the same concept read where its text stands elsewhere in a file.
    func moved(byLines lines: Int) -> Concept {
        guard lines != 0 else { return self }
        var moved = self
        moved.position = position?.moved(byLines: lines)
        moved.labels = labels.moved(byLines: lines)
        moved.notes = notes.moved(byLines: lines)
        moved.relations = relations.moved(byLines: lines)
        moved.mappings = mappings.moved(byLines: lines)
        return moved
    }
}

/// A part of a concept that keeps where its element starts in its file.
protocol PlacedInFile {
    var position: SourcePosition? { get set }
}

extension Label: PlacedInFile {}
extension Note: PlacedInFile {}
extension ConceptRelation: PlacedInFile {}
extension Mapping: PlacedInFile {}

extension Array where Element: PlacedInFile {
    /// The parts with every position `lines` lines further down.
    fileprivate func moved(byLines lines: Int) -> [Element] {
        map { part in
            var part = part
            part.position = part.position?.moved(byLines: lines)
            return part
        }
    }
}

extension SourcePosition {
    /// The same column, `lines` lines further down.
    fileprivate func moved(byLines lines: Int) -> SourcePosition { SourcePosition(line: line + lines, column: column) }
}
