import ArgumentParser
import VaktaalConfig
import VaktaalCore
import VaktaalExchange
import VaktaalRemote
import VaktaalServer
import VaktaalSync

/// What the command line shows for an error, and the exit code it ends with: the one
/// mapping from errors to exit codes.
///
/// `1` is for findings (a command throws `ExitCode(1)` after reporting them); every
/// library error is unreadable or unusable input: its message on standard error, and `2`.
struct ExitStatus: Equatable {
    /// What to print on standard error, if anything.
    let message: String?
    /// The exit code; `nil` leaves the error to argument-parser (help, version, its own errors).
    let code: Int32?

    init(for error: any Error) {
        switch error {
        case let exit as ExitCode:
            (message, code) = (nil, exit.rawValue)
        case let error as VocabularyLoadError:
            (message, code) = (error.description, 2)
        case let error as ConfigurationError:
            (message, code) = (error.description, 2)
        case let error as ExportError:
            (message, code) = (error.description, 2)
        case let error as ImportError:
            (message, code) = (error.description, 2)
        case let error as FileWriteError:
            (message, code) = (error.description, 2)
        case let error as ServiceStartError:
            (message, code) = (error.description, 2)
        case let error as PublishTokens.InvalidEntry:
            (message, code) = (error.description, 2)
        case let error as DatabaseError:
            (message, code) = (error.description, 2)
        case let error as CommandError:
            (message, code) = (error.description, 2)
        case let error as VocabularyInputError:
            (message, code) = (error.description, 2)
        case let error as MergeError:
            (message, code) = (error.description, 2)
        case let error as RemoteError:
            (message, code) = (error.description, error.isRefusal ? 1 : 2)
        default:
            // Usage errors exit with 2, as the CLI contract says, instead of argument-parser's 64.
            if Vaktaal.exitCode(for: error) == .validationFailure {
                (message, code) = (Vaktaal.fullMessage(for: error), 2)
            } else {
                (message, code) = (nil, nil)
            }
        }
    }
}

/// Failures of the command layer itself (what the libraries leave to their caller).
enum CommandError: Error, Equatable, CustomStringConvertible {
    /// Export refuses a vocabulary with errors; they were printed.
    case vocabularyHasErrors
    /// `vaktaal format` found no vocabulary to format.
    case noVocabularyToFormat
    /// `vaktaal serve --tokens FILE` cannot read the file.
    case unreadableTokens(path: String)

    var description: String {
        switch self {
        case .vocabularyHasErrors: "error: not exported: the vocabulary files have the errors above (see vaktaal check)"
        case .noVocabularyToFormat: "error: no vocabulary found: name the files, or pass --vocabulary PATH"
        case .unreadableTokens(let path): "\(path): error: the tokens file cannot be read"
        }
    }
}
