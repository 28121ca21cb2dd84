/// What the engine evaluates per cell.
public enum CoverageModel: Sendable, Equatable {
    /// Line of sight over a k-earth (``LineOfSightRayModel``): a tower serves every cell it sees;
    /// the best server is the nearest such tower.
    case lineOfSight
}
