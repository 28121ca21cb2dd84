/// A problem with an input file, named precisely enough for a planner to fix it:
/// which file, which line or feature, which field, and what was expected.
public struct InputError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    /// "line 7", "feature 12", "band 1"… or empty when the whole file is at fault.
    public var location: String
    /// The column, attribute or option at fault, or empty.
    public var field: String
    /// What was expected and what was found.
    public var message: String

    public init(file: String, location: String = "", field: String = "", message: String) {
        self.file = file
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String {
        var parts = [file]
        if !location.isEmpty { parts.append(location) }
        if !field.isEmpty { parts.append("field '\(field)'") }
        return parts.joined(separator: ", ") + ": " + message
    }
}

/// A problem with a command-line parameter or with what the inputs add up to (no input is
/// to blame on its own).
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
