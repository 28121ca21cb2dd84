import Foundation

/// Recommendation ITU-R P.1812-7/8, a path-specific propagation prediction method for
/// point-to-area terrestrial services from 30 MHz to 6 GHz, for one path.
///
/// Written from the Recommendation's text and equations; equation numbers refer to
/// P.1812-8 (09/2025), whose reference values equal P.1812-7's.
public enum P1812 {
    /// Every quantity of one prediction, in the order the Recommendation computes them.
    public struct Result: Sendable, Equatable {
        public var climate: P1812RadioClimate
        public var analysis: P1812PathAnalysis
        /// Free-space loss Lbfs (eq. 8) over the slant distance.
        public var freeSpaceDB: Double
        /// Lb0p: line-of-sight loss with focusing effects for p % (eq. 10).
        public var lineOfSightDB: Double
        /// Lb0β: the same for β0 % (eq. 11).
        public var lineOfSightBeta0DB: Double
        /// Delta-Bullington parts for the median earth radius ae (Ld50, eq. 39).
        public var diffractionMedian: P1812Diffraction.DeltaBullington
        /// Delta-Bullington parts for aβ (Ldβ, eq. 39).
        public var diffractionBeta: P1812Diffraction.DeltaBullington
        /// Fi (eq. 40).
        public var fi: Double
        /// Ldp: diffraction loss not exceeded for p % (eq. 41).
        public var diffractionDB: Double
        /// Lbd50 = Lbfs + Ld50 (eq. 42); Lbd = Lb0p + Ldp (eq. 43).
        public var diffractionMedianBasicDB: Double
        public var diffractionBasicDB: Double
        /// Lbs: troposcatter (eq. 44).
        public var troposcatterDB: Double
        /// Lba: ducting / layer reflection (eq. 46).
        public var ductingDB: Double
        /// Fj, Fk: blending factors (eqs. 57, 58).
        public var fj: Double
        public var fk: Double
        /// Lminb0p, Lminbap, Lbda, Lbam (eqs. 59–62).
        public var minLineOfSightDiffractionDB: Double
        public var minLineOfSightDuctingDB: Double
        public var diffractionDuctingDB: Double
        public var modifiedDiffractionDB: Double
        /// Lbc: all mechanisms combined for p % and 50 % locations (eq. 63).
        public var combinedDB: Double
        /// Location variability standard deviation applied, dB (§4.9).
        public var locationSigmaDB: Double
        /// Lb: basic transmission loss not exceeded for p % time and pL % locations (eq. 69).
        public var basicTransmissionLossDB: Double

        /// Ep: field strength exceeded for p % time and pL % locations for 1 kW e.r.p., dBµV/m (eq. 70).
        public var fieldStrengthFor1kWDBuVm: Double { 199.36 + 20 * DecibelMath.log10(frequencyGHz) - basicTransmissionLossDB }
        public var frequencyGHz: Double
        /// Ep for a transmitter of `erpKW` kilowatts e.r.p. (eq. 70 scaled by the power).
        public func fieldStrengthDBuVm(erpKW: Double) -> Double { fieldStrengthFor1kWDBuVm + 10 * DecibelMath.log10(erpKW) }
    }

    /// Checks the inputs against the Recommendation's domain.
    public static func validate(link: P1812Link, profile: P1812Profile) throws {
        guard (0.03...6).contains(link.frequencyGHz) else {
            throw ModelInputError("frequency", "P.1812 covers 30 MHz to 6 GHz, got \(link.frequencyGHz * 1000) MHz")
        }
        guard (1...50).contains(link.timePercent) else {
            throw ModelInputError("time percentage", "P.1812 covers 1 % to 50 %, got \(link.timePercent) %")
        }
        guard (1...99).contains(link.locationPercent) else {
            throw ModelInputError("location percentage", "P.1812 covers 1 % to 99 %, got \(link.locationPercent) %")
        }
        let n = profile.count
        guard n >= 3, profile.heightsM.count == n, profile.clutterHeightsM.count == n, profile.zones.count == n else {
            throw ModelInputError("profile", "needs at least 3 points (the two terminals and one between) with a height, clutter height and zone each")
        }
        guard profile.distancesKm[0] == 0 else { throw ModelInputError("profile", "the first point must be the transmitter at distance 0") }
        for i in 1..<n where !(profile.distancesKm[i] > profile.distancesKm[i - 1]) {
            throw ModelInputError("profile", "distances must increase; point \(i + 1) is at \(profile.distancesKm[i]) km after \(profile.distancesKm[i - 1]) km")
        }
        guard link.txHeightM > 0, link.rxHeightM > 0 else { throw ModelInputError("antenna height", "antenna heights above ground must be positive") }
        guard link.deltaN > 0, link.deltaN < 157 else { throw ModelInputError("ΔN", "expected 0 < ΔN < 157 N-units/km, got \(link.deltaN)") }
    }

    /// Basic transmission loss and every intermediate value for one path.
    public static func predict(link: P1812Link, profile: P1812Profile) throws -> Result {
        try validate(link: link, profile: profile)
        let f = link.frequencyGHz, p = link.timePercent
        let d = profile.distancesKm, n = profile.count
        let climate = P1812RadioClimate(profile: profile, link: link)
        let a = P1812PathAnalysis(profile: profile, link: link, aeKm: climate.effectiveEarthRadiusKm)
        let total = a.pathLengthKm

        // Line of sight (§4.2, eqs. 8–11).
        let slantKm = (total * total + pow((a.txAltitudeM - a.rxAltitudeM) / 1000, 2)).squareRoot()
        let lbfs = FreeSpace.lossDB(distanceKm: slantKm, frequencyGHz: f)
        let focusing = 2.6 * (1 - exp(-0.1 * (a.txHorizonKm + a.rxHorizonKm)))
        let lb0p = lbfs + focusing * DecibelMath.log10(p / 50)   // eqs. 9a, 10
        let lb0b = lbfs + focusing * DecibelMath.log10(climate.beta0Percent / 50)   // eqs. 9b, 11

        // Diffraction (§4.3): the Bullington profile is terrain + clutter between the terminals.
        var g = profile.heightsM
        for i in 1..<(n - 1) { g[i] += profile.clutterHeightsM[i] }
        let ld50 = P1812Diffraction.deltaBullington(distancesKm: d, heightsM: g, analysis: a,
                                                    effectiveEarthRadiusKm: climate.effectiveEarthRadiusKm, frequencyGHz: f,
                                                    seaFraction: climate.seaFraction, polarization: link.polarization)
        let ldb = P1812Diffraction.deltaBullington(distancesKm: d, heightsM: g, analysis: a,
                                                   effectiveEarthRadiusKm: climate.betaEarthRadiusKm, frequencyGHz: f,
                                                   seaFraction: climate.seaFraction, polarization: link.polarization)
        let fi = p <= climate.beta0Percent ? 1 : InverseNormal.complementary(p / 100) / InverseNormal.complementary(climate.beta0Percent / 100)   // eq. 40
        let ldp = p < 50 ? ld50.totalDB + fi * (ldb.totalDB - ld50.totalDB) : ld50.totalDB   // eq. 41
        let lbd50 = lbfs + ld50.totalDB   // eq. 42
        let lbd = lb0p + ldp   // eq. 43

        let lbs = P1812Troposcatter.lossDB(pathLengthKm: total, frequencyGHz: f, angularDistanceMrad: a.angularDistanceMrad,
                                           n0: link.n0, timePercent: p)
        let lba = P1812Ducting.lossDB(link: link, analysis: a, climate: climate)

        // Combination (§4.6, eqs. 57–63).
        let combined = combine(lineOfSightDB: lb0p, lineOfSightBeta0DB: lb0b, diffractionDB: ldp,
                               diffractionMedianBasicDB: lbd50, diffractionBasicDB: lbd, troposcatterDB: lbs, ductingDB: lba,
                               fi: fi, angularDistanceMrad: a.angularDistanceMrad, pathLengthKm: total,
                               seaFraction: climate.seaFraction, timePercent: p, beta0Percent: climate.beta0Percent)

        // Location variability (§4.9): σ for the receiver in or above its clutter, whose height
        // is that of the last point before the receiver (the receiver's own point carries bare
        // ground, §3.2).
        let sigma = locationSigmaDB(frequencyGHz: f, areaWidthM: link.locationAreaWidthM, rxHeightM: link.rxHeightM,
                                    rxClutterHeightM: profile.clutterHeightsM[n - 2])
        let lb = max(lb0p, combined.lbc - InverseNormal.complementary(link.locationPercent / 100) * sigma)   // eq. 69

        return Result(
            climate: climate, analysis: a, freeSpaceDB: lbfs, lineOfSightDB: lb0p, lineOfSightBeta0DB: lb0b,
            diffractionMedian: ld50, diffractionBeta: ldb, fi: fi, diffractionDB: ldp,
            diffractionMedianBasicDB: lbd50, diffractionBasicDB: lbd, troposcatterDB: lbs, ductingDB: lba,
            fj: combined.fj, fk: combined.fk, minLineOfSightDiffractionDB: combined.lminb0p,
            minLineOfSightDuctingDB: combined.lminbap, diffractionDuctingDB: combined.lbda,
            modifiedDiffractionDB: combined.lbam, combinedDB: combined.lbc, locationSigmaDB: sigma,
            basicTransmissionLossDB: lb, frequencyGHz: f)
    }

    /// The blend of line of sight, diffraction, troposcatter and ducting (§4.6, eqs. 57–63).
    public struct Combination: Sendable, Equatable {
        public var fj, fk, lminb0p, lminbap, lbda, lbam, lbc: Double
    }

    public static func combine(lineOfSightDB lb0p: Double, lineOfSightBeta0DB lb0b: Double, diffractionDB ldp: Double,
                               diffractionMedianBasicDB lbd50: Double, diffractionBasicDB lbd: Double,
                               troposcatterDB lbs: Double, ductingDB lba: Double, fi: Double,
                               angularDistanceMrad theta: Double, pathLengthKm d: Double, seaFraction omega: Double,
                               timePercent p: Double, beta0Percent beta0: Double) -> Combination {
        let fj = pathBlendFj(angularDistanceMrad: theta)
        let fk = pathBlendFk(pathLengthKm: d)
        let lminb0p = p < beta0 ? lb0p + (1 - omega) * ldp : lbd50 + (lb0b + (1 - omega) * ldp - lbd50) * fi   // eq. 59
        let lminbap = ductingLineOfSightMinimumDB(ductingDB: lba, lineOfSightDB: lb0p)
        let lbda = lminbap > lbd ? lbd : lminbap + (lbd - lminbap) * fk   // eq. 61
        let lbam = lbda + (lminb0p - lbda) * fj   // eq. 62
        let lbc = troposcatterCombinedDB(troposcatterDB: lbs, modifiedDiffractionDB: lbam)
        return Combination(fj: fj, fk: fk, lminb0p: lminb0p, lminbap: lminbap, lbda: lbda, lbam: lbam, lbc: lbc)
    }

    /// Lbc (eq. 63) of a path at p = 50 %, where Fi = 0 (see
    /// ``P1812AreaPrediction``'s notes): the same value as ``combine(…)``'s `lbc`, bit for bit,
    /// with the blending factors Fj and Fk (two hyperbolic tangents) and eq. 60 evaluated only
    /// where they can change it.
    ///
    /// At p = 50 % with Fi = 0, Lminb0p = Lbd50 (eq. 59, whatever the sea fraction ω: it enters
    /// only through the term that Fi multiplies) and Lbd50 = Lbd, so eq. 62 gives
    /// Lbam = Lbda + (Lbd − Lbda)·Fj, which is Lbd whatever Fj is once Lbda = Lbd; and eq. 61
    /// gives Lbda = Lbd whenever Lminbap ≥ Lbd, which holds whenever Lba ≥ Lbd, since
    /// Lminbap ≥ max(Lba, Lb0p) (eq. 60). `lbd` is both Lbd and Lbd50 here.
    @inline(__always)
    public static func medianCombinedDB(lineOfSightDB lb0p: Double, diffractionBasicDB lbd: Double, troposcatterDB lbs: Double,
                                              ductingDB lba: Double, angularDistanceMrad theta: Double, pathLengthKm d: Double) -> Double {
        var lbam = lbd
        if lba < lbd {
            let lminbap = ductingLineOfSightMinimumDB(ductingDB: lba, lineOfSightDB: lb0p)
            if !(lminbap > lbd) {
                let lbda = lminbap + (lbd - lminbap) * pathBlendFk(pathLengthKm: d)   // eq. 61
                lbam = lbda + (lbd - lbda) * pathBlendFj(angularDistanceMrad: theta)   // eq. 62
            }
        }
        return troposcatterCombinedDB(troposcatterDB: lbs, modifiedDiffractionDB: lbam)
    }

    /// Fj (eq. 57, ξ = 0.8, Θ = 0.3 mrad): the blend of line-of-sight and diffraction losses
    /// by angular distance.
    @inline(__always)
    static func pathBlendFj(angularDistanceMrad theta: Double) -> Double {
        1.0 - 0.5 * (1.0 + tanh(3.0 * 0.8 * (theta - 0.3) / 0.3))
    }

    /// Fk (eq. 58, κ = 0.5, dsw = 20 km): the blend of ducting and diffraction losses by path
    /// length.
    @inline(__always)
    static func pathBlendFk(pathLengthKm d: Double) -> Double {
        1.0 - 0.5 * (1.0 + tanh(3.0 * 0.5 * (d - 20) / 20))
    }

    /// Lminbap (eq. 60, η = 2.5), written as η·ln(e^(a/η) + e^(b/η)) = m + η·ln(e^((a−m)/η) +
    /// e^((b−m)/η)) so that large losses cannot overflow.
    @inline(__always)
    static func ductingLineOfSightMinimumDB(ductingDB lba: Double, lineOfSightDB lb0p: Double) -> Double {
        let eta = 2.5
        let m = max(lba, lb0p)
        // Beyond 100 dB apart the smaller term changes the result by less than η·e^(−40).
        return abs(lba - lb0p) > 100 ? m : m + eta * log(exp((lba - m) / eta) + exp((lb0p - m) / eta))
    }

    /// Lbc (eq. 63): −5·log10(10^(−0.2·Lbs) + 10^(−0.2·Lbam)), scaled by the smaller loss, whose
    /// own term is then 10^0 = 1 exactly.
    @inline(__always)
    static func troposcatterCombinedDB(troposcatterDB lbs: Double, modifiedDiffractionDB lbam: Double) -> Double {
        let lo = min(lbs, lbam), gap = abs(lbs - lbam)
        // Beyond 60 dB apart the larger loss changes the result by less than 10⁻¹¹ dB.
        return gap > 60 ? lo : lo - 5 * DecibelMath.log10(DecibelMath.exp10(-0.2 * gap) + 1)
    }

    /// Location variability standard deviation (§4.9): σL = (0.024·f + 0.52)·w^0.28 dB (f GHz,
    /// w the area width in m), applied in full to a receiver below its clutter height R, fading
    /// linearly to nothing 10 m above it, and not at all higher up (outdoor receiver).
    public static func locationSigmaDB(frequencyGHz f: Double, areaWidthM w: Double, rxHeightM hrg: Double,
                                       rxClutterHeightM r: Double) -> Double {
        let sigmaL = (0.024 * f + 0.52) * pow(w, 0.28)
        let uh = hrg < r ? 1 : (hrg < r + 10 ? 1 - (hrg - r) / 10 : 0)
        return uh * sigmaL
    }
}
