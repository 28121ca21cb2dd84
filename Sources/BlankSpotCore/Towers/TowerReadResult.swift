/// A tower table as read: the good towers, and every bad row with all its problems.
public struct TowerReadResult: Sendable {
    /// A row (or feature) that gives no usable tower.
    public struct Rejected: Sendable, Codable {
        /// "towers.csv line 7", "sites.gpkg feature 12".
        public var origin: String
        /// The row's id when it has one ("" otherwise).
        public var id: String
        public var problems: [InputError]

        public init(origin: String, id: String, problems: [InputError]) {
            self.origin = origin
            self.id = id
            self.problems = problems
        }

        /// The problems without the file and line, for `towers.csv` and `run.json`.
        public var reason: String {
            problems.map { ($0.field.isEmpty ? "" : "\($0.field): ") + $0.message }.joined(separator: "; ")
        }
    }

    public var towers: [Tower]
    public var rejected: [Rejected]
    /// How the table was read: delimiter, decimal separator, which column fed which field.
    public var notes: [String]

    public init(towers: [Tower], rejected: [Rejected], notes: [String]) {
        self.towers = towers
        self.rejected = rejected
        self.notes = notes
    }

    /// Rejects later rows whose id an earlier good row already has: `best_server.tif` and
    /// `towers.csv` would be ambiguous.
    public mutating func rejectDuplicateIDs(file: String) {
        var first: [String: String] = [:]
        var kept: [Tower] = []
        for t in towers {
            if let earlier = first[t.id] {
                let location = t.origin.dropPrefix(file + " ")
                rejected.append(Rejected(origin: t.origin, id: t.id, problems: [InputError(
                    file: file, location: location, field: TowerField.id.rawValue,
                    message: "id '\(t.id)' is already used by \(earlier.dropPrefix(file + " ")); ids must be unique")]))
            } else {
                first[t.id] = t.origin
                kept.append(t)
            }
        }
        towers = kept
        rejected.sort { $0.problems[0].location.lineOrder < $1.problems[0].location.lineOrder }
    }

    /// The strict reading: every tower, or an error listing every bad row.
    public func requireAllGood(file: String) throws -> [Tower] {
        guard rejected.isEmpty else {
            throw InputProblems(file: file, unit: "row", problems: rejected.flatMap(\.problems), badUnits: rejected.count,
                                advice: "fix them, or add --skip-bad-rows to go on without them")
        }
        return towers
    }
}

/// Several problems in one input, reported together: up to 50, then a count of the rest.
public struct InputProblems: Error, Sendable, CustomStringConvertible {
    public static let shown = 50
    public var file: String
    /// "row", "feature".
    public var unit: String
    public var problems: [InputError]
    /// Rows or features with at least one problem.
    public var badUnits: Int
    public var advice: String

    public init(file: String, unit: String, problems: [InputError], badUnits: Int, advice: String) {
        self.file = file
        self.unit = unit
        self.problems = problems
        self.badUnits = badUnits
        self.advice = advice
    }

    public var description: String {
        var lines = ["\(file): \(badUnits) bad \(unit)\(badUnits == 1 ? "" : "s"); \(advice):"]
        lines += problems.prefix(Self.shown).map { "  " + $0.description }
        if problems.count > Self.shown { lines.append("  … and \(problems.count - Self.shown) more problems") }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Sorts "line 9" before "line 10" and "feature 2" before "feature 11".
    var lineOrder: Int { Int(split(separator: " ").last ?? "") ?? Int.max }
}
