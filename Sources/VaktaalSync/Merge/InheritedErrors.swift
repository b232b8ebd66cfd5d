import VaktaalCore

/// The errors of a new version that its base did not have: as many of each error (by
/// ``ErrorKey``: rule, quoted names and concept, not line numbers) as the base has are the
/// base's, and the rest the new version's. A service takes back what it serves, and a partner
/// who pulled a version with errors can still publish an edit that adds none.
package enum InheritedErrors {
    /// `errors` (found in `set`) less as many of each as `baseErrors` (found in `baseSet`) has.
    package static func new(
        _ errors: [Finding], in set: VocabularySet, base baseErrors: [Finding], in baseSet: VocabularySet
    ) -> [Finding] {
        var inherited: [ErrorKey: Int] = [:]
        for error in baseErrors { inherited[ErrorKey(error, in: baseSet), default: 0] += 1 }
        return errors.filter { error in
            let key = ErrorKey(error, in: set)
            guard let count = inherited[key], count > 0 else { return true }
            inherited[key] = count - 1
            return false
        }
    }
}
