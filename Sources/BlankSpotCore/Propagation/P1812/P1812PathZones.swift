import Foundation

/// The radio-climatic zones of a path as ITU-R P.1812-7/8 uses them (§3.6, Table 2): the
/// fraction over sea ω (spherical-earth diffraction, eqs. 31–38 weight the sea's and the land's
/// first-term losses by it; combination, eq. 59; over-sea duct coupling, eq. 49), the longest
/// continuous land section dtm and inland section dlm (β0 and τ, eqs. 3, 3a, 55a), and the
/// distances over land from each terminal to the coast dct, dcr (eq. 49).
public struct P1812PathZones: Sendable, Equatable {
    /// ω: the fraction of the path over sea (zone B).
    public var seaFraction: Double
    /// dtm: the longest continuous land section (coastal A1 and inland A2), km.
    public var longestLandKm: Double
    /// dlm: the longest continuous inland section (A2), km.
    public var longestInlandKm: Double
    /// dct, dcr: the distance over land from the transmitter and from the receiver to the first
    /// sea point along the path, km; 0 for a terminal at sea; ``noCoastKm`` when the path has no sea.
    public var txCoastDistanceKm: Double
    public var rxCoastDistanceKm: Double

    /// dct, dcr of a path with no sea point. The duct coupling of eq. 49 applies only within
    /// 5 km of the coast on paths at least 75 % over sea, so any distance over 5 km leaves it out.
    public static let noCoastKm = 500.0

    public init(seaFraction: Double, longestLandKm: Double, longestInlandKm: Double, txCoastDistanceKm: Double, rxCoastDistanceKm: Double) {
        self.seaFraction = seaFraction
        self.longestLandKm = longestLandKm
        self.longestInlandKm = longestInlandKm
        self.txCoastDistanceKm = txCoastDistanceKm
        self.rxCoastDistanceKm = rxCoastDistanceKm
    }
}

/// The zone statistics of a path gathered point by point from the transmitter outwards, each
/// point standing for a stretch of the path (``P1812RadioClimate`` gives each profile point the
/// stretch between the mid-points to its neighbours; a sweep gives each ray sample one step).
/// A sweep keeps one per ray and asks it for ``zones(receiverZone:receiverStretchKm:pathKm:)``
/// at every receiver; a path whose points are all inland gives nil, so that the all-inland
/// shortcuts stay exact.
public struct P1812ZoneWalk: Sendable {
    private var seaKm = 0.0
    private var landRunKm = 0.0, longestLandKm = 0.0
    private var inlandRunKm = 0.0, longestInlandKm = 0.0
    /// Where the first and the last sea points lie, km from the transmitter (nan: none yet).
    private var firstSeaKm = Double.nan, lastSeaKm = Double.nan
    /// Whether a point outside zone A2 has been added.
    private var leftInland = false

    public init() {}

    /// Adds the point at `distanceKm` in `zone`, standing for `stretchKm` of the path.
    @inline(__always)
    public mutating func add(_ zone: RadioClimaticZone, atKm distanceKm: Double, stretchKm: Double) {
        switch zone {
        case .inland:
            landRunKm += stretchKm
            inlandRunKm += stretchKm
            longestLandKm = max(longestLandKm, landRunKm)
            longestInlandKm = max(longestInlandKm, inlandRunKm)
        case .coastalLand:
            leftInland = true
            landRunKm += stretchKm
            inlandRunKm = 0
            longestLandKm = max(longestLandKm, landRunKm)
        case .sea:
            leftInland = true
            seaKm += stretchKm
            landRunKm = 0
            inlandRunKm = 0
            if firstSeaKm.isNaN { firstSeaKm = distanceKm }
            lastSeaKm = distanceKm
        }
    }

    /// The zones of the path ending at a receiver `pathKm` from the transmitter in
    /// `receiverZone`, its point standing for `receiverStretchKm`; nil when every point,
    /// the receiver's included, is inland (ω = 0, dtm = dlm = d).
    @inline(__always)
    public func zones(receiverZone: RadioClimaticZone, receiverStretchKm r: Double, pathKm d: Double) -> P1812PathZones? {
        guard leftInland || receiverZone != .inland else { return nil }
        var walk = self
        walk.add(receiverZone, atKm: d, stretchKm: r)
        return walk.zones(pathKm: d)
    }

    /// The zones of the points added so far, over a path of `pathKm` (the stretches should sum to it).
    public func zones(pathKm d: Double) -> P1812PathZones {
        P1812PathZones(seaFraction: min(1, seaKm / d), longestLandKm: longestLandKm, longestInlandKm: longestInlandKm,
                       txCoastDistanceKm: firstSeaKm.isNaN ? P1812PathZones.noCoastKm : firstSeaKm,
                       rxCoastDistanceKm: lastSeaKm.isNaN ? P1812PathZones.noCoastKm : d - lastSeaKm)
    }

    /// The walk over every point of `profile`, each standing for the stretch between the
    /// mid-points to its neighbours.
    public init(profile: P1812Profile) {
        self.init()
        let d = profile.distancesKm, n = d.count
        let total = profile.pathLengthKm
        for i in 0..<n {
            let lo = i == 0 ? 0 : (d[i - 1] + d[i]) / 2
            let hi = i == n - 1 ? total : (d[i] + d[i + 1]) / 2
            add(profile.zones[i], atKm: d[i], stretchKm: hi - lo)
        }
    }
}

extension P1812RadioClimate {
    /// τ (eq. 3a) and β0 (eqs. 3–5) for a path whose longest continuous land section is `dtm`
    /// km and inland section `dlm` km, centred at latitude `phiDeg`.
    public static func tauAndBeta0(longestLandKm dtm: Double, longestInlandKm dlm: Double, pathCentreLatDeg: Double)
        -> (tau: Double, beta0Percent: Double) {
        let tau = 1 - exp(-4.12e-4 * pow(dlm, 2.41))   // eq. 3a
        let mu1 = min(1, pow(pow(10, -dtm / (16 - 6.6 * tau)) + pow(10, -5 * (0.496 + 0.354 * tau)), 0.2))   // eq. 3
        let phi = abs(pathCentreLatDeg)
        if phi <= 70 {
            let mu4 = pow(10, (-0.935 + 0.0176 * phi) * log10(mu1))   // eq. 4a
            return (tau, pow(10, -0.015 * phi + 1.67) * mu1 * mu4)   // eq. 5
        }
        let mu4 = pow(10, 0.3 * log10(mu1))
        return (tau, 4.17 * mu1 * mu4)
    }
}
