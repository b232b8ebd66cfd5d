import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// What a match tells the rules (its label, whether the use is allowed, whether the label is
/// a name, whether the text writes the form as the vocabulary does) is read from the
/// matcher's candidate, not from the entries: it must say what the entries say.
@Suite struct MatchedFormTests {
    @Test(arguments: [fixtureVocabularyFolder, fixturesFolder + "/EveryFeature", fixturesFolder + "/RepeatedNames"])
    func aMatchSaysWhatItsEntrySays(folder: String) throws {
        let set = try VocabularyLoader.load(path: folder).set
        let entries = IndexEntries(set)
        let matcher = TermMatcher(set: set, entries: entries)
        var writtenAsIs = (yes: 0, no: 0)
        var lowercaseForms = 0
        var multiWordForms = 0
        for id in entries.indices {
            let form = entries[id].form
            if form == form.lowercased() { lowercaseForms += 1 }
            // Cased otherwise, and (for forms of more than one word) spaced otherwise: a text
            // gives the form's key, but not the form as written.
            let spacedOtherwise = ["  ", "\t", "\n", " \r\n "].map { form.replacing(" ", with: $0) }
            if form.contains(" ") { multiWordForms += 1 }
            for written in [form, form.uppercased(), form.prefix(1).uppercased() + form.dropFirst()] + spacedOtherwise {
                let text = Array("zie \(written).".utf8)
                let matches = text.withUnsafeBufferPointer { bytes in
                    matcher.matches(in: bytes, range: 0..<bytes.count, languages: matcher.languages(nil))
                }
                for match in matches {
                    guard case .label(let found) = match.target else { continue }
                    let asIs = text.withUnsafeBufferPointer {
                        entries.form(found.id, equals: UnsafeBufferPointer(rebasing: $0[match.range]))
                    }
                    #expect(found.isWrittenAsIs == asIs, "\(written)")
                    #expect(found.labelIndex == entries.labelIndex(found.id))
                    #expect(found.isAllowedUse == entries.isAllowedUse(found.id))
                    #expect(found.isName == entries.isName(found.id))
                    #expect(found.concept == entries.concept(found.id))
                    if asIs { writtenAsIs.yes += 1 } else { writtenAsIs.no += 1 }
                }
            }
        }
        #expect(writtenAsIs.yes > 0 && writtenAsIs.no > 0, "texts that write forms as is and otherwise")
        if folder == fixtureVocabularyFolder {
            #expect(lowercaseForms > 0 && lowercaseForms < entries.count, "forms that are their key and forms that are not")
            #expect(multiWordForms > 0, "forms whose words a text may space otherwise")
            let formIsKey = matcher.candidates.places.map { matcher.candidates[$0].flags.contains(.formIsKey) }
            #expect(formIsKey.contains(true) && formIsKey.contains(false), "both ways of telling a form as written are taken")
        }
    }
}
