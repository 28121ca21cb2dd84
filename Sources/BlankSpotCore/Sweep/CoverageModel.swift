/// What the engine evaluates per cell.
public enum CoverageModel: Sendable, Equatable {
    /// Line of sight over a k-earth (``LineOfSightModel``): a tower serves every cell it sees;
    /// the best server is the nearest such tower; the value is −distance.
    case lineOfSight
    /// Received signal: the value is the margin in dB of the received power over the tower's
    /// technology threshold (``LinkBudget``); a tower serves a cell when the margin is ≥ 0.
    case signal(SignalModel, ServiceThresholds)
}

extension CoverageModel {
    /// Rays per perimeter cell unless the settings say otherwise: 2 for P.1812 and ITM (the
    /// terrain models); for P.1812, whose
    /// diffraction loss is sensitive to where exactly the profile runs (with 2, and 16 exact
    /// points before each receiver, 99 % of cells on the rugged SRTM test tile are within 0.5 dB
    /// of the point-to-point prediction; with 1, 98 %), 1 for the others.
    public var defaultRaySubdivision: Int {
        switch self {
        case .signal(.p1812, _), .signal(.itm, _): return 2
        default: return 1
        }
    }
}

/// The path-loss model of a signal coverage run.
public enum SignalModel: Sendable, Equatable {
    /// Free space over the slant distance (P.1812 eq. 8).
    case freeSpace
    /// Okumura–Hata / COST 231 Hata (``Hata``) in one environment everywhere, or (nil) in
    /// each receiver cell's land-cover environment (rural on terrain without land cover).
    case hata(Hata.Environment?)
    /// ITU-R P.1812 with the terrain of every ray (``P1812RayModel``); the frequency of each
    /// tower replaces the one in the settings.
    case p1812(P1812AreaSettings)
    /// ITM (Longley–Rice) point to point over every ray's profile (``ITMRayModel``).
    case itm(ITMCoverageSettings)
}
