import Foundation

/// Messages for the user on stderr (stdout stays free for data).
enum Console {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("blankspot: \(message)\n".utf8))
    }

    /// The message a run ends with when it fails.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("blankspot: error: \(message)\n".utf8))
    }

    static func info(_ message: String) {
        FileHandle.standardError.write(Data("blankspot: \(message)\n".utf8))
    }

    static func seconds(_ s: Double?) -> String {
        guard let s else { return "-" }
        return String(format: "%.2f s", s)
    }
}
