/// What a sweep knows about one path when it reaches the receiver from its horizons and the
/// Bullington construction (P.1812 quantities; heights in metres above sea level, distances in
/// km, slopes in m/km). Enough for ``P1812HorizonTerms`` and so for a lower bound of Lb; the
/// rest of the model also needs the path's ``P1812SmoothSurface``.
public struct P1812PathSummary: Sendable, Equatable {
    public var pathLengthKm: Double
    public var txGroundM: Double
    public var rxGroundM: Double
    public var htsM: Double
    public var hrsM: Double
    /// Intermediate profile points: n at `stepKm`, `stepKm·2`, …
    public var sampleCount: Int
    public var stepKm: Double
    public var isTransHorizon: Bool
    public var txHorizonAngleMrad: Double
    public var txHorizonKm: Double
    public var rxHorizonAngleMrad: Double
    public var rxHorizonKm: Double
    /// Bullington over the actual profile: Stim (eq. 13) and, trans-horizon, Srim (eq. 17) or,
    /// line of sight, νmax (eq. 15).
    public var stim: Double
    public var srim: Double
    public var nuMax: Double
    /// The same three for the earth radius aβ (only filled, and only used, when p < 50 %).
    public var betaTransHorizon = false
    public var betaStim = 0.0
    public var betaSrim = 0.0
    public var betaNuMax = 0.0
    /// The path's zones when a point of it lies outside the inland zone A2; nil: all inland
    /// (ω = 0, dtm = dlm = d).
    public var zones: P1812PathZones?

    public init(pathLengthKm: Double, txGroundM: Double, rxGroundM: Double, htsM: Double, hrsM: Double,
                sampleCount: Int, stepKm: Double, isTransHorizon: Bool, txHorizonAngleMrad: Double, txHorizonKm: Double,
                rxHorizonAngleMrad: Double, rxHorizonKm: Double, stim: Double, srim: Double, nuMax: Double) {
        self.pathLengthKm = pathLengthKm
        self.txGroundM = txGroundM
        self.rxGroundM = rxGroundM
        self.htsM = htsM
        self.hrsM = hrsM
        self.sampleCount = sampleCount
        self.stepKm = stepKm
        self.isTransHorizon = isTransHorizon
        self.txHorizonAngleMrad = txHorizonAngleMrad
        self.txHorizonKm = txHorizonKm
        self.rxHorizonAngleMrad = rxHorizonAngleMrad
        self.rxHorizonKm = rxHorizonKm
        self.stim = stim
        self.srim = srim
        self.nuMax = nuMax
    }
}

/// The smooth surface of a path (eqs. 83–89): the least-squares smooth-earth heights at the
/// terminals (eqs. 85, 86) and the highest obstruction above the line between the antennas
/// with its angles (eqs. 87, 88), raw heights. It feeds the spherical-earth diffraction and
/// the ducting heights. A sweep gathers it (a fit over the near points, two hull queries) only
/// for paths whose lower bound of Lb does not already rule them out.
public struct P1812SmoothSurface: Sendable, Equatable {
    public var smoothTxM: Double
    public var smoothRxM: Double
    /// hobs, αobt, αobr (eqs. 87, 88).
    public var obstructionM: Double
    public var alphaObt: Double
    public var alphaObr: Double

    public init(smoothTxM: Double, smoothRxM: Double, obstructionM: Double, alphaObt: Double, alphaObr: Double) {
        self.smoothTxM = smoothTxM
        self.smoothRxM = smoothRxM
        self.obstructionM = obstructionM
        self.alphaObt = alphaObt
        self.alphaObr = alphaObr
    }
}
