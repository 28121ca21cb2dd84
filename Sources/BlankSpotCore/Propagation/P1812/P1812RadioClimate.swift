import Foundation

/// Radio-meteorological quantities of a path (ITU-R P.1812-7/8 §3.4–3.7).
public struct P1812RadioClimate: Sendable, Equatable {
    /// Longest continuous land (inland + coastal) section of the path, km (dtm, §3.6).
    public var longestLandKm: Double
    /// Longest continuous inland section, km (dlm, §3.6).
    public var longestInlandKm: Double
    /// Fraction of the path over sea (ω, Table 5).
    public var seaFraction: Double
    /// Latitude of the path centre, degrees (φ, eq. 4).
    public var pathCentreLatDeg: Double
    /// Time percentage for which refractive gradients exceed 100 N-units/km in the first
    /// 100 m of the atmosphere (β0 %, eq. 5).
    public var beta0Percent: Double
    /// τ of eq. 3a (used again in ducting, eq. 55a).
    public var tau: Double
    /// Median effective earth radius ae = 6371·k50, km (eqs. 6, 7a).
    public var effectiveEarthRadiusKm: Double
    /// Effective earth radius exceeded for β0 % of the time, aβ = 6371·3 km (eq. 7b).
    public var betaEarthRadiusKm: Double

    public static let earthRadiusKm = 6371.0

    public init(profile: P1812Profile, link: P1812Link) {
        let zones = P1812ZoneWalk(profile: profile).zones(pathKm: profile.pathLengthKm)
        longestLandKm = zones.longestLandKm
        longestInlandKm = zones.longestInlandKm
        seaFraction = zones.seaFraction
        pathCentreLatDeg = GreatCircle.latitude(fromLatDeg: link.txLatDeg, lonDeg: link.txLonDeg,
                                                towardsLatDeg: link.rxLatDeg, lonDeg: link.rxLonDeg,
                                                distanceKm: profile.pathLengthKm / 2, sphereRadiusKm: Self.earthRadiusKm)
        (tau, beta0Percent) = Self.tauAndBeta0(longestLandKm: longestLandKm, longestInlandKm: longestInlandKm,
                                               pathCentreLatDeg: pathCentreLatDeg)
        effectiveEarthRadiusKm = Self.earthRadiusKm * 157 / (157 - link.deltaN)   // eqs. 6, 7a
        betaEarthRadiusKm = Self.earthRadiusKm * 3   // eq. 7b
    }
}

/// Points along a great circle on a sphere (P.1812 uses one of 6371 km to find the path centre).
public enum GreatCircle {
    /// Latitude of the point `distanceKm` from the first point towards the second.
    public static func latitude(fromLatDeg lat1: Double, lonDeg lon1: Double, towardsLatDeg lat2: Double,
                                lonDeg lon2: Double, distanceKm: Double, sphereRadiusKm: Double) -> Double {
        let r = Double.pi / 180
        let p1 = lat1 * r, p2 = lat2 * r, dl = (lon2 - lon1) * r
        let bearing = atan2(sin(dl) * cos(p2), cos(p1) * sin(p2) - sin(p1) * cos(p2) * cos(dl))
        let delta = distanceKm / sphereRadiusKm
        return asin(sin(p1) * cos(delta) + cos(p1) * sin(delta) * cos(bearing)) / r
    }
}
