import BlankSpotCore

/// The model a coverage run evaluates per cell.
public enum CoverageModelKind: String, Sendable, CaseIterable, Codable {
    /// Line of sight over a k-earth: served = visible from the antenna.
    case los
}
