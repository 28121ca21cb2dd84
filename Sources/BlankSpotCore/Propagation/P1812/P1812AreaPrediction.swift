import Foundation

/// P.1812 for many paths from one transmitter, evaluated from a summary of each path that a
/// sweep keeps up to date as it walks outwards (horizons from running maxima and convex hulls,
/// the smooth-earth fit from running sums). The formulas are those of ``P1812`` — the same
/// functions where the Recommendation's step works on single numbers; the steps that scan the
/// whole profile in the point-to-point code are replaced here by the summary's exact
/// equivalents, with these documented shortcuts:
///
/// - A path's radio-climatic zones come from its summary (``P1812PathSummary/zones``, gathered
///   along the ray by ``P1812ZoneWalk``); a path with none outside zone A2 takes ω = 0 and τ, μ1
///   from the shared all-inland table (``P1812InlandClimateTable``).
/// - In a line-of-sight path the largest diffraction parameter νmax (eq. 15, and dlt of
///   eq. 78a) is searched among the vertices of the profile's upper convex hull instead of all
///   points: the point nearest to the line of sight is always a hull vertex, only the Fresnel
///   weighting can favour another point.
/// - At p = 50 % the aβ diffraction term enters only through Fi = I(0.5)/I(β0) ≈ 6·10⁻¹⁰
///   (eqs. 40, 59) and is skipped (Fi = 0).
/// - The ducting loss Lba (eq. 46) matters only where it falls below the diffraction loss Lbd
///   (eq. 61: Lminbap ≥ max(Lba, Lb0p), and Lbda = Lbd when Lminbap > Lbd). At p = 50 % a cheap
///   lower bound is tried first (A(p) ≥ 0 because β ≤ β0 < 47 % < p, site shielding ≥ 0), then the
///   loss with μ3 = 1 (its minimum over the roughness hm); only if both fall below Lbd is hm
///   scanned and Lba computed in full.
/// - Lbulls is computed only when Ldsph > 0 (eq. 39 takes max(Ldsph − Lbulls, 0), and Lbulls ≥ 0).
/// - At p = 50 %, where the ducting loss (or its lower bound) is at least Lbd, eqs. 57–62 reduce
///   exactly to Lbam = Lbd and only eq. 63 is evaluated (``P1812/medianCombinedDB``);
///   elsewhere the blending factors Fj, Fk are evaluated only where they can change Lbam.
/// - Where a caller only needs to know that Lb is at most a limit (many towers: a tower that
///   surely serves a cell but cannot be the best there), Lbfs + Lbulla + max(Ldsph, 0) bounds
///   Lb from above at p = 50 % (Lbc ≤ Lbam ≤ Lbd, Lbulls ≥ 0) and is returned when it is low
///   enough, without Lbulls, ducting and the combination.
/// - Where a caller only needs to know whether Lb exceeds a limit (many towers: a value that
///   neither serves nor beats the best), the lower bound of ``P1812HorizonTerms`` is checked
///   first, before the path's smooth surface is gathered and the diffraction over it computed.
public struct P1812AreaSettings: Sendable, Equatable {
    public var frequencyGHz: Double
    public var timePercent: Double = 50
    public var locationPercent: Double = 50
    public var rxHeightM: Double
    public var polarization: Polarization = .vertical
    public var deltaN: Double
    public var n0: Double
    /// Representative clutter height at the receivers, m (0: open ground).
    public var rxClutterHeightM: Double = 0
    public var locationAreaWidthM: Double = 100

    public init(frequencyGHz: Double, timePercent: Double = 50, locationPercent: Double = 50, rxHeightM: Double,
                polarization: Polarization = .vertical, deltaN: Double, n0: Double, rxClutterHeightM: Double = 0) {
        self.frequencyGHz = frequencyGHz
        self.timePercent = timePercent
        self.locationPercent = locationPercent
        self.rxHeightM = rxHeightM
        self.polarization = polarization
        self.deltaN = deltaN
        self.n0 = n0
        self.rxClutterHeightM = rxClutterHeightM
    }

    public var effectiveEarthRadiusKm: Double { P1812RadioClimate.earthRadiusKm * 157 / (157 - deltaN) }
    public var wavelengthM: Double { FreeSpace.wavelengthM(frequencyGHz: frequencyGHz) }

    public func validate() throws {
        guard (0.03...6).contains(frequencyGHz) else {
            throw ModelInputError("frequency", "P.1812 covers 30 MHz to 6 GHz, got \(frequencyGHz * 1000) MHz")
        }
        guard (1...50).contains(timePercent) else { throw ModelInputError("time percentage", "P.1812 covers 1 % to 50 %, got \(timePercent) %") }
        guard (1...99).contains(locationPercent) else { throw ModelInputError("location percentage", "P.1812 covers 1 % to 99 %, got \(locationPercent) %") }
        guard deltaN > 0, deltaN < 157 else { throw ModelInputError("ΔN", "expected 0 < ΔN < 157 N-units/km, got \(deltaN)") }
    }
}

/// The parts of P.1812 that depend only on the transmitter and the run's settings, worked out
/// once per tower.
public struct P1812TowerConstants: Sendable {
    public let settings: P1812AreaSettings
    let frequencyGHz, wavelengthM, aeKm, aBetaKm: Double
    public let log10F: Double
    let firstTermAe: P1812Diffraction.FirstTerm
    let firstTermBeta: P1812Diffraction.FirstTerm?
    /// 190.1 + Lf − 0.15·N0 − 10.125·(log10(50/p))^0.7 (eqs. 44, 45 without the path terms).
    let troposcatterConstant: Double
    /// log10(p/50) (eq. 9a).
    let focusingLog: Double
    /// The most focusing can lower Lb0p below free space: 2.6·log10(p/50) ≤ 0 (eq. 9a).
    public let focusingFloorDB: Double
    /// Alf of eq. 47 and γd of eq. 51.
    let lowFrequencyCorrection: Double
    let gammaD: Double
    /// f^(1/3).
    let cubeRootF: Double
    /// −I(pL/100)·σ (eq. 69), 0 at pL = 50 %.
    let locationOffsetDB: Double
    let climate: P1812InlandClimateTable
    /// Whether paths may cross zones other than inland (the sea's ground is then prepared for
    /// the first-term diffraction loss), and what the ducting loss's lower bounds must then
    /// allow for the sea coupling (``P1812Ducting/seaCouplingFloorDB``, else 0).
    public let hasZones: Bool
    public let seaCouplingFloorDB: Double

    /// `hasZones`: paths may have points outside zone A2 (their summaries then carry zones).
    public init(settings c: P1812AreaSettings, climate: P1812InlandClimateTable, hasZones: Bool = false) {
        self.hasZones = hasZones
        seaCouplingFloorDB = hasZones ? P1812Ducting.seaCouplingFloorDB : 0
        self.climate = climate
        settings = c
        let f = c.frequencyGHz
        frequencyGHz = f
        wavelengthM = c.wavelengthM
        aeKm = c.effectiveEarthRadiusKm
        aBetaKm = P1812RadioClimate.earthRadiusKm * 3
        log10F = DecibelMath.log10(f)
        firstTermAe = P1812Diffraction.FirstTerm(adftKm: aeKm, frequencyGHz: f, seaFraction: 0, polarization: c.polarization,
                                                 withSeaGround: hasZones)
        firstTermBeta = c.timePercent < 50
            ? P1812Diffraction.FirstTerm(adftKm: aBetaKm, frequencyGHz: f, seaFraction: 0, polarization: c.polarization,
                                         withSeaGround: hasZones) : nil
        let lf = 25 * log10F - 2.5 * pow(DecibelMath.log10(f / 2), 2)
        troposcatterConstant = 190.1 + lf - 0.15 * c.n0 - 10.125 * pow(DecibelMath.log10(50 / c.timePercent), 0.7)
        focusingLog = DecibelMath.log10(c.timePercent / 50)
        focusingFloorDB = 2.6 * focusingLog
        lowFrequencyCorrection = f < 0.5 ? 45.375 - 137.0 * f + 92.5 * f * f : 0
        cubeRootF = cbrt(f)
        gammaD = 5e-5 * aeKm * cubeRootF
        if c.locationPercent == 50 {
            locationOffsetDB = 0
        } else {
            let sigma = P1812.locationSigmaDB(frequencyGHz: f, areaWidthM: c.locationAreaWidthM, rxHeightM: c.rxHeightM,
                                              rxClutterHeightM: c.rxClutterHeightM)
            locationOffsetDB = -InverseNormal.complementary(c.locationPercent / 100) * sigma
        }
    }
}

/// τ (eq. 3a) and log10 μ1 (eq. 3) of all-inland paths (dtm = dlm = d), which depend on the
/// path length only, tabulated every 50 m up to the sweep radius and shared by all towers.
public final class P1812InlandClimateTable: Sendable {
    let tauTable: [Double]
    let log10Mu1Table: [Double]
    static let stepKm = 0.05

    public init(maxPathKm: Double) {
        let n = Int((maxPathKm / Self.stepKm).rounded(.up)) + 2
        var taus: [Double] = [], mu1s: [Double] = []
        for i in 0..<n {
            let d = Double(i) * Self.stepKm
            let tau = 1 - exp(-4.12e-4 * pow(d, 2.41))
            taus.append(tau)
            mu1s.append(DecibelMath.log10(min(1, pow(DecibelMath.exp10(-d / (16 - 6.6 * tau)) + DecibelMath.exp10(-5 * (0.496 + 0.354 * tau)), 0.2))))
        }
        tauTable = taus
        log10Mu1Table = mu1s
    }
}

extension P1812TowerConstants {
    /// Lbfs (eq. 8) over the slant distance: `pathKm` horizontally, `heightDifferenceKm`
    /// between the antennas.
    @inline(__always)
    func slantFreeSpaceLossDB(pathKm d: Double, heightDifferenceKm dz: Double) -> Double {
        92.4 + 20 * log10F + 10 * DecibelMath.log10(d * d + dz * dz)
    }

    /// τ and β0 (eqs. 3a, 3–5) of a path of `d` km centred at latitude `phiDeg`: from its
    /// `zones`, or for an all-inland path (nil) from the shared table.
    @inline(__always)
    func climate(pathKm d: Double, zones: P1812PathZones?, pathCentreLatDeg phiDeg: Double) -> (tau: Double, beta0: Double) {
        guard let zones else { return inlandClimate(pathKm: d, pathCentreLatDeg: phiDeg) }
        let c = P1812RadioClimate.tauAndBeta0(longestLandKm: zones.longestLandKm, longestInlandKm: zones.longestInlandKm,
                                              pathCentreLatDeg: phiDeg)
        return (c.tau, c.beta0Percent)
    }

    /// τ and β0 (eqs. 3a, 3–5) of an all-inland path of `d` km centred at latitude `phiDeg`,
    /// interpolating τ and log10 μ1 in the shared table.
    @inline(__always)
    func inlandClimate(pathKm d: Double, pathCentreLatDeg phiDeg: Double) -> (tau: Double, beta0: Double) {
        let tauTable = climate.tauTable, log10Mu1Table = climate.log10Mu1Table
        let x = min(d / P1812InlandClimateTable.stepKm, Double(tauTable.count - 2))
        let i = Int(x), t = x - Double(i)
        let tau = tauTable[i] + (tauTable[i + 1] - tauTable[i]) * t
        let lmu1 = log10Mu1Table[i] + (log10Mu1Table[i + 1] - log10Mu1Table[i]) * t
        let phi = abs(phiDeg)
        // β0 = 10^(1.67 − 0.015|φ|)·μ1·μ4, μ4 = μ1^(−0.935 + 0.0176|φ|) (|φ| ≤ 70°), else 4.17·μ1·μ1^0.3.
        let beta0 = phi <= 70 ? DecibelMath.exp10(1.67 - 0.015 * phi + (0.065 + 0.0176 * phi) * lmu1) : 4.17 * DecibelMath.exp10(1.3 * lmu1)
        return (tau, beta0)
    }
}

/// Terrain roughness hm (eq. 93) for a path, asked for only when the ducting loss must be
/// computed in full: it needs a scan of the profile between the horizons.
public protocol P1812RoughnessSource {
    /// hm: the largest height of the terrain above the line from `smoothTxM` at the transmitter
    /// to `smoothRxM` at the receiver (the smooth-earth heights limited to the ground heights,
    /// eqs. 90a, 90b), among the profile points from `txHorizonKm` to `pathKm − rxHorizonKm`.
    func roughnessM(smoothTxM: Double, smoothRxM: Double, pathKm: Double, txHorizonKm: Double, rxHorizonKm: Double) -> Double
}

extension P1812 {
    /// Basic transmission loss Lb (eq. 69) of a path from its summary, its smooth surface and
    /// the terms the summary fixes (`terms`, made from the same summary). `roughness` is asked
    /// only when the ducting loss must be computed in full.
    public static func basicTransmissionLossDB<R: P1812RoughnessSource>(
        summary s: P1812PathSummary, surface: P1812SmoothSurface, terms t: P1812HorizonTerms, constants k: P1812TowerConstants,
        pathCentreLatDeg: Double, roughness: R
    ) -> Double {
        let c = k.settings
        let p = c.timePercent, d = s.pathLengthKm
        let omega = s.zones?.seaFraction ?? 0
        let ae = k.aeKm, lambda = k.wavelengthM
        let lbfs = t.lbfs, lb0p = t.lb0p, lbs = t.lbs, af = t.af, ductingFloor = t.ductingFloor, lbulla = t.lbulla

        // Smooth surface for diffraction (eqs. 89, 37).
        var sTx = surface.smoothTxM, sRx = surface.smoothRxM
        if surface.obstructionM > 0 {
            let gT = surface.alphaObt / (surface.alphaObt + surface.alphaObr), gR = surface.alphaObr / (surface.alphaObt + surface.alphaObr)
            sTx -= surface.obstructionM * gT
            sRx -= surface.obstructionM * gR
        }
        let htesph = s.htsM - min(sTx, s.txGroundM), hresph = s.hrsM - min(sRx, s.rxGroundM)

        // Delta-Bullington (eqs. 12–39) for one earth radius: Ldsph, then Ld from it and Lbulla.
        func sphericalEarth(ap: Double, firstTerm: P1812Diffraction.FirstTerm?) -> Double {
            P1812Diffraction.sphericalEarthLossDB(hteM: htesph, hreM: hresph, effectiveEarthRadiusKm: ap, pathLengthKm: d,
                                                  frequencyGHz: k.frequencyGHz, seaFraction: omega, polarization: c.polarization,
                                                  firstTermAtAp: firstTerm)
        }
        func deltaBullington(ap: Double, ldsph: Double, lbulla: Double) -> Double {
            guard ldsph > 0 else { return lbulla }
            let lbulls = smoothBullingtonLossDB(htesphM: htesph, hresphM: hresph, pathLengthKm: d, stepKm: s.stepKm,
                                                sampleCount: s.sampleCount, aeKm: ap, wavelengthM: lambda)
            return lbulla + max(ldsph - lbulls, 0)
        }
        let ldsph = sphericalEarth(ap: ae, firstTerm: k.firstTermAe)
        let ld50 = deltaBullington(ap: ae, ldsph: ldsph, lbulla: lbulla)

        // The zones enter through ω (above and eq. 59), β0 and τ (eqs. 3–5) and the sea coupling
        // in Af (eq. 49, in `terms`); a path without zones is all inland: ω = 0, dtm = dlm = d.
        // p < 50 %: the aβ diffraction loss and Fi are needed (eqs. 40, 41); see the type's notes.
        var fi = 0.0, ldp = ld50, lb0b = lb0p, beta0 = 0.0
        if p < 50 {
            beta0 = k.climate(pathKm: d, zones: s.zones, pathCentreLatDeg: pathCentreLatDeg).beta0
            fi = p <= beta0 ? 1 : InverseNormal.complementary(p / 100) / InverseNormal.complementary(beta0 / 100)
            lb0b = lbfs + t.focusingFactor * DecibelMath.log10(beta0 / 50)
            let ldb = deltaBullington(ap: k.aBetaKm, ldsph: sphericalEarth(ap: k.aBetaKm, firstTerm: k.firstTermBeta),
                                      lbulla: actualBullingtonLossDB(transHorizon: s.betaTransHorizon, stim: s.betaStim, srim: s.betaSrim,
                                                                     nuMax: s.betaNuMax, htsM: s.htsM, hrsM: s.hrsM, pathLengthKm: d,
                                                                     wavelengthM: lambda))
            ldp = ld50 + fi * (ldb - ld50)
        }
        let lbd50 = lbfs + ld50, lbd = lb0p + ldp
        // Ducting (eq. 46), in full only when it can lower Lbda (see the type's notes).
        var lba = ductingFloor
        if p < 50 || lba < lbd {
            let cl = k.climate(pathKm: d, zones: s.zones, pathCentreLatDeg: pathCentreLatDeg)
            let hte = s.htsM - min(surface.smoothTxM, s.txGroundM), hre = s.hrsM - min(surface.smoothRxM, s.rxGroundM)   // eqs. 92a, 92b
            func ducting(roughness: Double) -> Double {
                af + P1812Ducting.timeDependentLossDB(
                    frequencyGHz: k.frequencyGHz, timePercent: p, pathLengthKm: d, txHorizonKm: s.txHorizonKm,
                    rxHorizonKm: s.rxHorizonKm, txHorizonAngleMrad: s.txHorizonAngleMrad, rxHorizonAngleMrad: s.rxHorizonAngleMrad,
                    aeKm: ae, hteM: hte, hreM: hre, roughnessM: roughness, beta0Percent: cl.beta0, tau: cl.tau)
            }
            lba = ducting(roughness: 0)   // μ3 = 1: the smallest Lba over all roughnesses
            if p < 50 || lba < lbd {
                lba = ducting(roughness: roughness.roughnessM(
                    smoothTxM: min(surface.smoothTxM, s.txGroundM), smoothRxM: min(surface.smoothRxM, s.rxGroundM), pathKm: d,
                    txHorizonKm: s.txHorizonKm, rxHorizonKm: s.rxHorizonKm))
            }
        }
        // At p = 50 % only what can change Lbc is evaluated: where the ducting loss is at least
        // Lbd (the common case), eqs. 57–62 give Lbam = Lbd and only eq. 63 is left.
        let lbc = p == 50
            ? P1812.medianCombinedDB(lineOfSightDB: lb0p, diffractionBasicDB: lbd, troposcatterDB: lbs, ductingDB: lba,
                                           angularDistanceMrad: t.thetaMrad, pathLengthKm: d)
            : P1812.combine(lineOfSightDB: lb0p, lineOfSightBeta0DB: lb0b, diffractionDB: ldp, diffractionMedianBasicDB: lbd50,
                            diffractionBasicDB: lbd, troposcatterDB: lbs, ductingDB: lba, fi: fi, angularDistanceMrad: t.thetaMrad,
                            pathLengthKm: d, seaFraction: omega, timePercent: p, beta0Percent: beta0).lbc
        return max(lb0p, lbc + k.locationOffsetDB)   // eq. 69
    }

    /// Lbulls (eq. 21) for the smooth profile: heights all zero, terminals `htesphM`, `hresphM`
    /// above it, intermediate points at k·`stepKm`, k = 1…`sampleCount`. The maxima of eqs. 13,
    /// 15 and 17 over the points are found from the shape of each expression (concave in the
    /// distance for eqs. 13 and 17, single-peaked for eq. 15) instead of a scan.
    public static func smoothBullingtonLossDB(htesphM hts: Double, hresphM hrs: Double, pathLengthKm d: Double,
                                              stepKm: Double, sampleCount n: Int, aeKm ae: Double, wavelengthM lambda: Double) -> Double {
        guard n >= 1 else { return 0 }
        let k = 500 / ae
        // Stim: max over x of k·(d − x) − hts/x, concave; peak at √(hts/k).
        func stimAt(_ j: Int) -> Double { let x = Double(j) * stepKm; return k * (d - x) - hts / x }
        let jt = nearestIndex(to: (hts / k).squareRoot() / stepKm, count: n)
        var stim = stimAt(jt)
        if jt > 1 { stim = max(stim, stimAt(jt - 1)) }
        if jt < n { stim = max(stim, stimAt(jt + 1)) }
        let str = (hrs - hts) / d
        let luc: Double
        if stim < str {
            // νmax: clearance below the antennas' line, Fresnel-weighted; single-peaked in x.
            func nuAt(_ j: Int) -> Double {
                let x = Double(j) * stepKm
                let clearance = k * x * (d - x) - (hts * (d - x) + hrs * x) / d
                return clearance * (0.002 * d / (lambda * x * (d - x))).squareRoot()
            }
            var lo = 1, hi = n
            if let peakKm = smoothNuPeakKm(htsM: hts, hrsM: hrs, pathLengthKm: d, curvaturePerKm: k, stepKm: stepKm) {
                // The samples either side of the continuous peak, with one spare each way.
                let j = Int((peakKm / stepKm).rounded(.down))
                lo = min(max(j - 1, 1), n)
                hi = min(max(j + 2, 1), n)
            } else {
                while hi - lo > 2 {
                    let m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3
                    if nuAt(m1) < nuAt(m2) { lo = m1 + 1 } else { hi = m2 - 1 }
                }
            }
            var nuMax = -Double.infinity
            for j in lo...hi { nuMax = max(nuMax, nuAt(j)) }
            luc = KnifeEdge.lossDB(nu: nuMax)
        } else {
            // Srim: max over u = d − x of k·(d − u) − hrs/u, concave; peak at u = √(hrs/k).
            func srimAt(_ j: Int) -> Double { let u = d - Double(j) * stepKm; return k * (d - u) - hrs / u }
            let ju = nearestIndex(to: (d - (hrs / k).squareRoot()) / stepKm, count: n)
            var srim = srimAt(ju)
            if ju > 1 { srim = max(srim, srimAt(ju - 1)) }
            if ju < n { srim = max(srim, srimAt(ju + 1)) }
            luc = KnifeEdge.lossDB(nu: P1812Diffraction.bullingtonNu(stim: stim, srim: srim, htsM: hts, hrsM: hrs,
                                                                     pathLengthKm: d, wavelengthM: lambda))
        }
        return P1812Diffraction.bullingtonLossDB(knifeEdgeDB: luc, pathLengthKm: d)
    }

    /// Where ν of a smooth profile peaks (eq. 15 with zero heights), km from the transmitter,
    /// to within a quarter of `stepKm`.
    ///
    /// With u = x/d, w = u(1 − u) and h(u) = hts·(1 − u) + hrs·u, the clearance is k·d²·w − h,
    /// so ν ∝ k·d²·√w − h/√w, whose derivative has the sign of
    /// g(u) = (k·d²·w + h)·(1 − 2u) − 2·(hrs − hts)·w. With both antennas above the surface,
    /// g(0) = hts > 0 > −hrs = g(1), and the peak is the root of g in between, found by Newton's
    /// method kept inside a shrinking bracket. nil when an antenna is not above the surface.
    @inline(__always)
    static func smoothNuPeakKm(htsM hts: Double, hrsM hrs: Double, pathLengthKm d: Double, curvaturePerKm k: Double,
                               stepKm: Double) -> Double? {
        guard hts > 0, hrs > 0, d > 0 else { return nil }
        let a = k * d * d, delta = hrs - hts
        let tolerance = 0.25 * stepKm / d
        var lo = 0.0, hi = 1.0, u = 0.5
        for _ in 0..<64 {
            let w = u * (1 - u), w1 = 1 - 2 * u, h = hts + delta * u
            let g = (a * w + h) * w1 - 2 * delta * w
            if g > 0 { lo = u } else { hi = u }
            let slope = a * w1 * w1 - delta * w1 - 2 * (a * w + h)
            var next = u - g / slope
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }   // Newton left the bracket: bisect
            let moved = abs(next - u)
            u = next
            if moved < tolerance || hi - lo < tolerance { break }
        }
        return u * d
    }

    @inline(__always)
    static func nearestIndex(to x: Double, count n: Int) -> Int {
        guard x.isFinite else { return n }
        return min(max(Int(x.rounded()), 1), n)
    }
}
