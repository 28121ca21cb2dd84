import Foundation

/// The delta-Bullington diffraction model (ITU-R P.1812-7/8 §4.3).
public enum P1812Diffraction {
    /// Bullington loss from the uncorrected knife-edge loss Luc (eq. 21):
    /// Lbull = Luc + (1 − exp(−Luc/6))·(10 + 0.02·d).
    @inlinable
    public static func bullingtonLossDB(knifeEdgeDB luc: Double, pathLengthKm d: Double) -> Double {
        luc + (1 - exp(-luc / 6)) * (10 + 0.02 * d)
    }

    /// ν at the Bullington point for a trans-horizon path (eqs. 18, 19), from the steepest
    /// slopes seen from each terminal: `stim` from the transmitter (eq. 13), `srim` from the
    /// receiver (eq. 17), both in m/km including the earth-curvature term.
    @inlinable
    public static func bullingtonNu(stim: Double, srim: Double, htsM: Double, hrsM: Double, pathLengthKm d: Double,
                                    wavelengthM: Double) -> Double {
        let dbp = (hrsM - htsM + srim * d) / (stim + srim)   // eq. 18
        let height = htsM + stim * dbp - (htsM * (d - dbp) + hrsM * dbp) / d
        return height * (0.002 * d / (wavelengthM * dbp * (d - dbp))).squareRoot()   // eq. 19
    }

    /// The Bullington part Lbull for a profile (§4.3.1, eqs. 12–21). `heightsM` are the
    /// heights the rays must clear (terrain + clutter for the actual profile, zeros for the
    /// smooth profile); only the intermediate points are used.
    public static func bullingtonLossDB(distancesKm d: [Double], heightsM h: [Double], htsM: Double, hrsM: Double,
                                        effectiveEarthRadiusKm ap: Double, frequencyGHz f: Double) -> Double {
        let n = d.count, total = d[n - 1]
        let ce = 1 / ap
        let lambda = FreeSpace.wavelengthM(frequencyGHz: f)
        var stim = -Double.infinity
        for i in 1..<(n - 1) {
            stim = max(stim, (h[i] + 500 * ce * d[i] * (total - d[i]) - htsM) / d[i])   // eq. 13
        }
        let str = (hrsM - htsM) / total   // eq. 14
        let luc: Double
        if stim < str {
            var nuMax = -Double.infinity   // eq. 15
            for i in 1..<(n - 1) {
                let clearance = h[i] + 500 * ce * d[i] * (total - d[i]) - (htsM * (total - d[i]) + hrsM * d[i]) / total
                nuMax = max(nuMax, clearance * (0.002 * total / (lambda * d[i] * (total - d[i]))).squareRoot())
            }
            luc = KnifeEdge.lossDB(nu: nuMax)   // eq. 16
        } else {
            var srim = -Double.infinity
            for i in 1..<(n - 1) {
                srim = max(srim, (h[i] + 500 * ce * d[i] * (total - d[i]) - hrsM) / (total - d[i]))   // eq. 17
            }
            luc = KnifeEdge.lossDB(nu: bullingtonNu(stim: stim, srim: srim, htsM: htsM, hrsM: hrsM, pathLengthKm: total, wavelengthM: lambda))   // eq. 20
        }
        return bullingtonLossDB(knifeEdgeDB: luc, pathLengthKm: total)
    }

    /// Spherical-earth diffraction loss Ldsph (§4.3.2, eqs. 22–27) for effective antenna
    /// heights `hteM`, `hreM` over an earth of radius `ap`. `firstTermAtAp`, when given, must be
    /// ``FirstTerm`` for `ap` (a sweep computes it once per tower).
    public static func sphericalEarthLossDB(hteM: Double, hreM: Double, effectiveEarthRadiusKm ap: Double,
                                            pathLengthKm d: Double, frequencyGHz f: Double, seaFraction omega: Double,
                                            polarization: Polarization, firstTermAtAp: FirstTerm? = nil) -> Double {
        let lambda = FreeSpace.wavelengthM(frequencyGHz: f)
        let dLos = (2 * ap).squareRoot() * ((0.001 * hteM).squareRoot() + (0.001 * hreM).squareRoot())   // eq. 22
        if d >= dLos {
            let ft = firstTermAtAp ?? FirstTerm(adftKm: ap, frequencyGHz: f, seaFraction: omega, polarization: polarization)
            return ft.lossDB(pathLengthKm: d, hteM: hteM, hreM: hreM, seaFraction: omega)   // eq. 23
        }
        if smoothEarthSurelyClears(hteM: hteM, hreM: hreM, effectiveEarthRadiusKm: ap, pathLengthKm: d, wavelengthM: lambda) { return 0 }
        let c = (hteM - hreM) / (hteM + hreM)   // eq. 24
        let m = 250 * d * d / (ap * (hteM + hreM))   // eq. 25
        let b = 2 * ((m + 1) / (3 * m)).squareRoot()
            * cos(Double.pi / 3 + acos(1.5 * c * (3 * m / ((m + 1) * (m + 1) * (m + 1))).squareRoot()) / 3)   // eq. 26
        let dse1 = d / 2 * (1 + b), dse2 = d - dse1
        let hse = ((hteM - 500 * dse1 * dse1 / ap) * dse2 + (hreM - 500 * dse2 * dse2 / ap) * dse1) / d   // eq. 27
        let hreq = 17.456 * (dse1 * dse2 * lambda / d).squareRoot()   // required clearance
        if hse > hreq { return 0 }
        let root = hteM.squareRoot() + hreM.squareRoot()
        let aem = 500 * d * d / (root * root)   // modified earth radius
        let ldft = FirstTerm(adftKm: aem, frequencyGHz: f, seaFraction: omega, polarization: polarization)
            .lossDB(pathLengthKm: d, hteM: hteM, hreM: hreM)
        if ldft < 0 { return 0 }
        return (1 - hse / hreq) * ldft
    }

    /// Whether a line-of-sight path over the smooth earth surely has hse > hreq (eq. 27), so
    /// that Ldsph = 0, without solving eq. 26's cubic (an arccosine and a cosine).
    ///
    /// hse is the height of the line between the antennas above the smooth earth at the
    /// distance dse1: c(x) = hte + (hre − hte)·x/d − 500·x·(d − x)/ap (expand eq. 27 with
    /// dse2 = d − dse1). c is a parabola open upwards, so hse ≥ its minimum, at
    /// x = d/2 − (hre − hte)·ap/(1000·d). And hreq = 17.456·√(dse1·dse2·λ/d) ≤ 17.456·√(λ·d/4),
    /// since dse1·dse2 ≤ d²/4. When the minimum clears that bound by 1 µm (rounding is some
    /// 10⁻¹² m here), hse > hreq.
    @inline(__always)
    static func smoothEarthSurelyClears(hteM: Double, hreM: Double, effectiveEarthRadiusKm ap: Double, pathLengthKm d: Double,
                                        wavelengthM lambda: Double) -> Bool {
        let xKm = d / 2 - (hreM - hteM) * ap / (1000 * d)
        let lowestClearanceM = hteM + (hreM - hteM) * xKm / d - 500 * xKm * (d - xKm) / ap
        return lowestClearanceM > 17.456 * (d * lambda / 4).squareRoot() + 1e-6
    }

    /// First-term spherical-earth diffraction loss Ldft (§4.3.3) for one earth radius: the
    /// sea-weighted mean of the losses over sea (εr = 80, σ = 5 S/m) and land (εr = 22,
    /// σ = 0.003 S/m). Everything that does not depend on the path is worked out at init.
    public struct FirstTerm: Sendable, Equatable {
        struct Ground: Sendable, Equatable {
            /// βdft (eq. 33), the X and Y scale factors (eqs. 34, 35), and the lower limit of G.
            var beta, xPerKm, yPerM, gMin: Double

            init(adftKm: Double, frequencyGHz f: Double, permittivity er: Double, conductivitySPerM sigma: Double,
                 polarization: Polarization) {
                let s = 18 * sigma / f
                // Powers of a and f through one cube root each: (a·f)^(−1/3), (f/a²)^(1/3), (f²/a)^(1/3).
                let cbrtA = cbrt(adftKm), cbrtF = cbrt(f)
                let kH = 0.036 / (cbrtA * cbrtF) / ((er - 1) * (er - 1) + s * s).squareRoot().squareRoot()   // eq. 32a
                let k = polarization == .horizontal ? kH : kH * (er * er + s * s).squareRoot()   // eq. 32b
                let k2 = k * k, k4 = k2 * k2
                beta = (1 + 1.6 * k2 + 0.67 * k4) / (1 + 4.5 * k2 + 1.53 * k4)   // eq. 33
                xPerKm = 21.88 * beta * cbrtF / (cbrtA * cbrtA)   // eq. 34
                yPerM = 0.9575 * beta * cbrtF * cbrtF / cbrtA   // eq. 35
                gMin = 2 + 20 * DecibelMath.log10(k)
            }

            @inline(__always)
            func lossDB(pathLengthKm d: Double, hteM: Double, hreM: Double) -> Double {
                let x = xPerKm * d
                // One natural logarithm serves both terms of eq. 36 (x^1.425 = e^(1.425·ln x)).
                let lnX = log(x)
                let fx = x >= 1.6 ? 11 + 10 * DecibelMath.log10E * lnX - 17.6 * x : -20 * DecibelMath.log10E * lnX - 5.6488 * exp(1.425 * lnX)
                @inline(__always) func heightGain(_ y: Double) -> Double {
                    let bb = beta * y
                    let g = bb > 2 ? 17.6 * (bb - 1.1).squareRoot() - 5 * DecibelMath.log10(bb - 1.1) - 8 : 20 * DecibelMath.log10(bb + 0.1 * bb * bb * bb)
                    return max(g, gMin)
                }
                return -fx - heightGain(yPerM * hteM) - heightGain(yPerM * hreM)
            }
        }

        let land: Ground
        let sea: Ground?
        let seaFraction: Double

        /// `withSeaGround`: also prepare the sea's ground when ω is 0, for callers that pass
        /// another ω to ``lossDB(pathLengthKm:hteM:hreM:seaFraction:)`` (a sweep, once per tower).
        public init(adftKm: Double, frequencyGHz f: Double, seaFraction omega: Double, polarization: Polarization,
                    withSeaGround: Bool = false) {
            land = Ground(adftKm: adftKm, frequencyGHz: f, permittivity: 22, conductivitySPerM: 0.003, polarization: polarization)
            sea = omega > 0 || withSeaGround
                ? Ground(adftKm: adftKm, frequencyGHz: f, permittivity: 80, conductivitySPerM: 5, polarization: polarization) : nil
            seaFraction = omega
        }

        /// Ldft (eqs. 31–38) for the ω given at init.
        @inline(__always)
        public func lossDB(pathLengthKm d: Double, hteM: Double, hreM: Double) -> Double {
            lossDB(pathLengthKm: d, hteM: hteM, hreM: hreM, seaFraction: seaFraction)
        }

        /// Ldft (eqs. 31–38) for a path `omega` over sea: ω·Ldft,sea + (1 − ω)·Ldft,land. A
        /// positive ω needs the sea's ground (an ω > 0 or `withSeaGround` at init).
        @inline(__always)
        public func lossDB(pathLengthKm d: Double, hteM: Double, hreM: Double, seaFraction omega: Double) -> Double {
            let l = land.lossDB(pathLengthKm: d, hteM: hteM, hreM: hreM)
            guard omega > 0 else { return l }
            precondition(sea != nil, "the first term was prepared without the sea's ground")
            return omega * sea!.lossDB(pathLengthKm: d, hteM: hteM, hreM: hreM) + (1 - omega) * l
        }
    }

    /// The parts of the delta-Bullington loss for one effective earth radius (§4.3.4, eq. 39).
    public struct DeltaBullington: Sendable, Equatable {
        /// Bullington loss of the actual profile (eq. 21 with the terrain + clutter profile).
        public var actualDB: Double
        /// Bullington loss of the smooth (zero-height) profile with the effective heights.
        public var smoothDB: Double
        /// Spherical-earth diffraction loss with the effective heights (eq. 27).
        public var sphericalDB: Double
        /// Ld = Lbulla + max(Ldsph − Lbulls, 0) (eq. 39).
        public var totalDB: Double { actualDB + max(sphericalDB - smoothDB, 0) }
    }

    /// Delta-Bullington over the profile `heightsM` (terrain + clutter) for earth radius `ap`.
    public static func deltaBullington(distancesKm d: [Double], heightsM h: [Double], analysis a: P1812PathAnalysis,
                                       effectiveEarthRadiusKm ap: Double, frequencyGHz f: Double, seaFraction omega: Double,
                                       polarization: Polarization) -> DeltaBullington {
        let actual = bullingtonLossDB(distancesKm: d, heightsM: h, htsM: a.txAltitudeM, hrsM: a.rxAltitudeM,
                                      effectiveEarthRadiusKm: ap, frequencyGHz: f)
        let zeros = [Double](repeating: 0, count: d.count)
        let smooth = bullingtonLossDB(distancesKm: d, heightsM: zeros, htsM: a.diffractionTxHeightM, hrsM: a.diffractionRxHeightM,
                                      effectiveEarthRadiusKm: ap, frequencyGHz: f)
        let spherical = sphericalEarthLossDB(hteM: a.diffractionTxHeightM, hreM: a.diffractionRxHeightM, effectiveEarthRadiusKm: ap,
                                             pathLengthKm: a.pathLengthKm, frequencyGHz: f, seaFraction: omega, polarization: polarization)
        return DeltaBullington(actualDB: actual, smoothDB: smooth, sphericalDB: spherical)
    }
}
