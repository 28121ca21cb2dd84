import Foundation

/// Path-profile analysis (ITU-R P.1812-7/8, Attachment 1 to Annex 1): horizons, angular
/// distance, smooth-earth surface and effective antenna heights.
///
/// Horizons and the obstruction search use the bare terrain heights h; the clutter heights
/// enter only the Bullington diffraction profile (§3.2, g = h + R at intermediate points).
public struct P1812PathAnalysis: Sendable, Equatable {
    public var pathLengthKm: Double
    /// Antenna heights above sea level, m (hts = h1 + htg, hrs = hn + hrg).
    public var txAltitudeM: Double
    public var rxAltitudeM: Double
    public var isTransHorizon: Bool
    /// Horizon distances, km (dlt eq. 78, dlr eq. 81).
    public var txHorizonKm: Double
    public var rxHorizonKm: Double
    /// Horizon elevation angles, mrad (θt eqs. 76–78, θr eqs. 79–81).
    public var txHorizonAngleMrad: Double
    public var rxHorizonAngleMrad: Double
    /// Path angular distance θ, mrad (eq. 82).
    public var angularDistanceMrad: Double
    /// Least-squares smooth-earth heights at the terminals, m (eqs. 85, 86).
    public var smoothTxM: Double
    public var smoothRxM: Double
    /// The same limited to the terminals' ground heights, m (eqs. 90a, 90b).
    public var smoothTxLimitedM: Double
    public var smoothRxLimitedM: Double
    /// Smooth-surface heights for the diffraction model, m (eq. 89).
    public var diffractionSmoothTxM: Double
    public var diffractionSmoothRxM: Double
    /// Effective antenna heights for spherical-earth diffraction, m (htesph, hresph; eqs. 37a, 37b).
    public var diffractionTxHeightM: Double
    public var diffractionRxHeightM: Double
    /// Effective antenna heights for ducting, m (hte, hre; eqs. 92a, 92b).
    public var ductingTxHeightM: Double
    public var ductingRxHeightM: Double
    /// Terrain roughness between the horizons, m (hm, eq. 93).
    public var roughnessM: Double

    /// Elevation angle in mrad of a point `dhM` above the antenna at `dKm`, over an earth of
    /// effective radius `aeKm` (eqs. 76, 77, 79, in the arctangent form of P.1812-7/8).
    @inlinable
    public static func elevationMrad(dhM: Double, dKm: Double, aeKm: Double) -> Double {
        1000 * atan(dhM / (1000 * dKm) - dKm / (2 * aeKm))
    }

    public init(profile: P1812Profile, link: P1812Link, aeKm: Double) {
        let d = profile.distancesKm, h = profile.heightsM
        let n = d.count, total = profile.pathLengthKm
        pathLengthKm = total
        let hts = h[0] + link.txHeightM, hrs = h[n - 1] + link.rxHeightM
        txAltitudeM = hts
        rxAltitudeM = hrs
        let wavelengthM = FreeSpace.wavelengthM(frequencyGHz: link.frequencyGHz)
        let ce = 1 / aeKm

        // Line of sight or trans-horizon (eqs. 76, 77).
        let thetaTD = Self.elevationMrad(dhM: hrs - hts, dKm: total, aeKm: aeKm)
        var thetaMax = -Double.infinity, iMax = 1
        for i in 1..<(n - 1) {
            let t = Self.elevationMrad(dhM: h[i] - hts, dKm: d[i], aeKm: aeKm)
            if t > thetaMax { thetaMax = t; iMax = i }
        }
        isTransHorizon = thetaMax > thetaTD
        if isTransHorizon {
            txHorizonAngleMrad = thetaMax
            txHorizonKm = d[iMax]   // eq. 78
            var thetaR = -Double.infinity, jMax = 1
            for j in 1..<(n - 1) {
                let t = Self.elevationMrad(dhM: h[j] - hrs, dKm: total - d[j], aeKm: aeKm)
                if t > thetaR { thetaR = t; jMax = j }
            }
            rxHorizonAngleMrad = thetaR   // eq. 79
            rxHorizonKm = total - d[jMax]   // eq. 80
        } else {
            txHorizonAngleMrad = thetaTD
            // dlt: the point with the largest diffraction parameter ν (eq. 78a).
            var nuMax = -Double.infinity, iNu = 1
            for i in 1..<(n - 1) {
                let clearance = h[i] + 500 * ce * d[i] * (total - d[i]) - (hts * (total - d[i]) + hrs * d[i]) / total
                let nu = clearance * (0.002 * total / (wavelengthM * d[i] * (total - d[i]))).squareRoot()
                if nu > nuMax { nuMax = nu; iNu = i }
            }
            txHorizonKm = d[iNu]
            rxHorizonAngleMrad = Self.elevationMrad(dhM: hts - hrs, dKm: total, aeKm: aeKm)   // eq. 80a
            rxHorizonKm = total - txHorizonKm   // eq. 81a
        }
        angularDistanceMrad = 1000 * total / aeKm + txHorizonAngleMrad + rxHorizonAngleMrad   // eq. 82

        // Smooth-earth surface by least squares (eqs. 83–86).
        let fit = SmoothEarthFit(distancesKm: d, heightsM: h)
        smoothTxM = fit.txHeightM
        smoothRxM = fit.rxHeightM
        smoothTxLimitedM = min(fit.txHeightM, h[0])   // eq. 90a
        smoothRxLimitedM = min(fit.rxHeightM, h[n - 1])   // eq. 90b

        // Smooth surface for diffraction: lowered under the highest obstruction (eqs. 87–89).
        var hObs = -Double.infinity, alphaT = -Double.infinity, alphaR = -Double.infinity
        for i in 1..<(n - 1) {
            let above = h[i] - (hts * (total - d[i]) + hrs * d[i]) / total   // eq. 87
            hObs = max(hObs, above)
            alphaT = max(alphaT, above / d[i])   // eq. 88
            alphaR = max(alphaR, above / (total - d[i]))
        }
        var sTx = fit.txHeightM, sRx = fit.rxHeightM
        if hObs > 0 {
            let gT = alphaT / (alphaT + alphaR), gR = alphaR / (alphaT + alphaR)
            sTx -= hObs * gT
            sRx -= hObs * gR
        }
        diffractionSmoothTxM = min(sTx, h[0])   // eq. 89
        diffractionSmoothRxM = min(sRx, h[n - 1])
        diffractionTxHeightM = hts - diffractionSmoothTxM   // eq. 37a
        diffractionRxHeightM = hrs - diffractionSmoothRxM   // eq. 37b

        ductingTxHeightM = link.txHeightM + h[0] - smoothTxLimitedM   // eq. 92a
        ductingRxHeightM = link.rxHeightM + h[n - 1] - smoothRxLimitedM   // eq. 92b

        // Roughness between the horizon points (eqs. 93, 94).
        let slope = (smoothRxLimitedM - smoothTxLimitedM) / total
        let dTxHorizon = txHorizonKm, dRxHorizon = total - rxHorizonKm
        var rough = -Double.infinity
        for i in 0..<n where d[i] >= dTxHorizon - 1e-9 && d[i] <= dRxHorizon + 1e-9 {
            rough = max(rough, h[i] - (smoothTxLimitedM + slope * d[i]))
        }
        roughnessM = rough
    }
}

/// The least-squares straight line through a profile (P.1812-7/8 eqs. 83–86), kept as the two
/// running sums v1, v2 so that a sweep can extend it one point at a time.
public struct SmoothEarthFit: Sendable, Equatable {
    public private(set) var v1 = 0.0
    public private(set) var v2 = 0.0
    public private(set) var lastDistanceKm = 0.0
    public private(set) var lastHeightM = 0.0
    public private(set) var pointCount = 0

    public init() {}

    public init(distancesKm d: [Double], heightsM h: [Double]) {
        for i in d.indices { append(distanceKm: d[i], heightM: h[i]) }
    }

    /// Adds the next point (distances increasing).
    @inline(__always)
    public mutating func append(distanceKm di: Double, heightM hi: Double) {
        if pointCount > 0 {
            let dPrev = lastDistanceKm, hPrev = lastHeightM
            v1 += (di - dPrev) * (hi + hPrev)   // eq. 83
            v2 += (di - dPrev) * (hi * (2 * di + dPrev) + hPrev * (di + 2 * dPrev))   // eq. 84
        }
        lastDistanceKm = di
        lastHeightM = hi
        pointCount += 1
    }

    /// Adds a run of `count` points spaced evenly, point k (0 ≤ k < `count`) at
    /// (`firstIndex` + k)·`spacingKm` km, from the sums of its heights Σh_k = `heightSumM` and
    /// Σ(`firstIndex` + k)·h_k = `indexWeightedHeightSumM` and its end heights: the same v1, v2
    /// as appending the points one by one, up to rounding.
    ///
    /// With d_k = a_k·L, a_k = a_0 + k, every segment of the run has d_k − d_(k−1) = L, and the
    /// terms of eqs. 83 and 84 collect per point: eq. 83 counts each height twice except the
    /// ends, L·(2Σh − h_0 − h_(n−1)); in eq. 84 segment k gives L²·(h_k·(3a_k − 1) + h_(k−1)·(3a_(k−1) + 1)),
    /// so each height has the weight 6a_k except the ends, which lack their outer half:
    /// L²·(6Σa·h − (3a_0 − 1)·h_0 − (3a_(n−1) + 1)·h_(n−1)). The segment joining the run to the
    /// previous point is the usual one.
    @inline(__always)
    public mutating func appendEvenRun(count n: Int, firstIndex a0: Int, spacingKm L: Double, firstHeightM h0: Double,
                                       lastHeightM hLast: Double, heightSumM: Double, indexWeightedHeightSumM: Double) {
        guard n > 0 else { return }
        append(distanceKm: Double(a0) * L, heightM: h0)
        guard n > 1 else { return }
        let aLast = Double(a0 + n - 1), aFirst = Double(a0)
        v1 += L * (2 * heightSumM - h0 - hLast)
        v2 += L * L * (6 * indexWeightedHeightSumM - (3 * aFirst - 1) * h0 - (3 * aLast + 1) * hLast)
        lastDistanceKm = aLast * L
        lastHeightM = hLast
        pointCount += n - 1
    }

    /// Smooth-surface height at the transmitter, m (eq. 85).
    public var txHeightM: Double { (2 * v1 * lastDistanceKm - v2) / (lastDistanceKm * lastDistanceKm) }
    /// Smooth-surface height at the receiver, m (eq. 86).
    public var rxHeightM: Double { (v2 - v1 * lastDistanceKm) / (lastDistanceKm * lastDistanceKm) }
}
