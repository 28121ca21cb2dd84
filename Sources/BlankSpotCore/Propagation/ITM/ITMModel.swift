import Foundation

/// The Irregular Terrain Model (Longley–Rice), ITM version 1.2.2 as NTIA documents it (Hufford,
/// "The ITS Irregular Terrain Model, version 1.2.2: The Algorithm", 1995; Hufford, Longley and
/// Kissick, NTIA Report 82-100, 1982), whose results ITM v1.4 reproduces.
///
/// Basic transmission loss = free-space loss 32.45 + 20·log10(f MHz) + 20·log10(d km) + the
/// reference attenuation (``ITMReferenceAttenuation``: line of sight, diffraction or
/// troposcatter) adjusted for time, location and situation variability
/// (``ITMVariabilityModel``).
public enum ITM {
    /// Point-to-point mode over a terrain profile (elevations above sea level, metres, equally
    /// spaced `spacingM` apart, transmitter first).
    public static func pointToPoint(elevationsM: [Double], spacingM: Double, parameters: ITMParameters,
                                    variability: ITMVariability) throws -> ITMResult {
        try validate(parameters, variability)
        guard elevationsM.count >= 2, elevationsM.allSatisfy(\.isFinite) else {
            throw ModelInputError("profile", "needs at least 2 points, all with finite elevations")
        }
        guard spacingM.isFinite, spacingM > 0 else { throw ModelInputError("profile spacing", "must be greater than 0 m, got \(spacingM)") }
        return elevationsM.withUnsafeBufferPointer {
            pointToPoint(z: $0, spacingM: spacingM, parameters: parameters, variability: variability)
        }
    }

    /// Point-to-point mode without validation or heap allocation.
    static func pointToPoint(z: UnsafeBufferPointer<Double>, spacingM: Double, parameters p: ITMParameters,
                             variability: ITMVariability) -> ITMResult {
        let (geometry, environment) = pointToPointPath(z: z, spacingM: spacingM, parameters: p)
        return predict(geometry: geometry, environment: environment, parameters: p, variability: variability)
    }

    /// The environment (Ns from the profile's middle) and the path geometry of a profile.
    static func pointToPointPath(z: UnsafeBufferPointer<Double>, spacingM: Double, parameters p: ITMParameters)
        -> (ITMPathGeometry, ITMEnvironment) {
        let environment = ITMEnvironment(
            frequencyMHz: p.frequencyMHz, systemElevationM: ITMTerrainAnalysis.systemElevationM(z: z), n0: p.n0,
            polarization: p.polarization, permittivity: p.permittivity, conductivitySPerM: p.conductivitySPerM)
        let geometry = ITMPathGeometry(profile: z, spacingM: spacingM, antennaHeightsM: SIMD2(p.txHeightM, p.rxHeightM),
                                       curvaturePerM: environment.curvaturePerM)
        return (geometry, environment)
    }

    /// Area mode: no profile, the terrain described by its irregularity Δh and the care taken in
    /// siting each antenna.
    public static func area(distanceKm: Double, deltaHM: Double, txSiting: ITMSiting, rxSiting: ITMSiting,
                            parameters p: ITMParameters, variability: ITMVariability) throws -> ITMResult {
        try validate(p, variability)
        guard distanceKm.isFinite, distanceKm > 0 else { throw ModelInputError("distance", "must be greater than 0 km, got \(distanceKm)") }
        guard deltaHM.isFinite, deltaHM >= 0 else { throw ModelInputError("delta_h", "must be 0 m or more, got \(deltaHM)") }
        let environment = ITMEnvironment(
            frequencyMHz: p.frequencyMHz, systemElevationM: 0, n0: p.n0,
            polarization: p.polarization, permittivity: p.permittivity, conductivitySPerM: p.conductivitySPerM)
        let geometry = ITMPathGeometry(distanceM: distanceKm * 1000, antennaHeightsM: SIMD2(p.txHeightM, p.rxHeightM),
                                       siting: (txSiting, rxSiting), deltaHM: deltaHM, curvaturePerM: environment.curvaturePerM)
        return predict(geometry: geometry, environment: environment, parameters: p, variability: variability)
    }

    /// Basic transmission loss only, for the coverage sweep: no validation, no allocation, the
    /// variability deviates already converted (``deviates(_:)``).
    static func lossDB(z: UnsafeBufferPointer<Double>, spacingM: Double, parameters p: ITMParameters,
                       deviates: (Double, Double, Double)) -> Double {
        let (g, environment) = pointToPointPath(z: z, spacingM: spacingM, parameters: p)
        let reference = ITMReferenceAttenuation.compute(geometry: g, environment: environment)
        let varied = ITMVariabilityModel.attenuationDB(referenceDB: reference.attenuationDB, zT: deviates.0, zL: deviates.1, zS: deviates.2,
                                                       geometry: g, environment: environment, climate: p.climate, mdvar: p.mdvar)
        return freeSpaceDB(frequencyMHz: p.frequencyMHz, distanceM: g.distanceM) + varied.lossAboveFreeSpaceDB
    }

    /// ITM's free-space loss 32.45 + 20·log10(f MHz) + 20·log10(d km).
    static func freeSpaceDB(frequencyMHz: Double, distanceM: Double) -> Double {
        32.45 + 20 * log10(frequencyMHz) + 20 * log10(distanceM / 1000)
    }

    static func predict(geometry g: ITMPathGeometry, environment e: ITMEnvironment, parameters p: ITMParameters,
                        variability: ITMVariability) -> ITMResult {
        let reference = ITMReferenceAttenuation.compute(geometry: g, environment: e)
        let freeSpace = freeSpaceDB(frequencyMHz: p.frequencyMHz, distanceM: g.distanceM)
        let (zT, zL, zS) = deviates(variability)
        let varied = ITMVariabilityModel.attenuationDB(referenceDB: reference.attenuationDB, zT: zT, zL: zL, zS: zS,
                                                       geometry: g, environment: e, climate: p.climate, mdvar: p.mdvar)
        let median = ITMVariabilityModel.attenuationDB(referenceDB: reference.attenuationDB, zT: 0, zL: 0, zS: 0,
                                                       geometry: g, environment: e, climate: p.climate, mdvar: p.mdvar)
        return ITMResult(
            basicTransmissionLossDB: freeSpace + varied.lossAboveFreeSpaceDB, freeSpaceDB: freeSpace,
            referenceAttenuationDB: reference.attenuationDB, distanceKm: g.distanceM / 1000,
            txHorizonAngleRad: g.horizonAnglesRad[0], rxHorizonAngleRad: g.horizonAnglesRad[1],
            txHorizonDistanceM: g.horizonDistancesM[0], rxHorizonDistanceM: g.horizonDistancesM[1],
            txEffectiveHeightM: g.effectiveHeightsM[0], rxEffectiveHeightM: g.effectiveHeightsM[1],
            surfaceRefractivity: e.surfaceRefractivity, deltaHM: g.deltaHM, mode: reference.mode,
            warning: max(reference.warning, varied.warning), medianLossDB: freeSpace + median.lossAboveFreeSpaceDB)
    }

    /// Standard normal deviates zT, zL, zS of the requested fractions. Confidence/reliability
    /// is read as NTIA Report 82-100 defines it: reliability is the fraction of time (and, in
    /// broadcast mode, of locations) and confidence the fraction of situations.
    static func deviates(_ v: ITMVariability) -> (Double, Double, Double) {
        switch v {
        case let .timeLocationSituation(t, l, s):
            return (InverseNormal.complementary(t / 100), InverseNormal.complementary(l / 100), InverseNormal.complementary(s / 100))
        case let .confidenceReliability(c, r):
            let zr = InverseNormal.complementary(r / 100)
            return (zr, zr, InverseNormal.complementary(c / 100))
        }
    }

    /// The input ranges ITM v1.4 accepts (outside them it refuses to compute).
    public static func validate(_ p: ITMParameters, _ v: ITMVariability) throws {
        func inRange(_ name: String, _ x: Double, _ lo: Double, _ hi: Double, _ unit: String) throws {
            guard x.isFinite, x >= lo, x <= hi else { throw ModelInputError(name, "must be \(CSVWriter.number(lo))–\(CSVWriter.number(hi)) \(unit), got \(x.isFinite ? CSVWriter.number(x) : "\(x)")") }
        }
        try inRange("tx height", p.txHeightM, 0.5, 3000, "m")
        try inRange("rx height", p.rxHeightM, 0.5, 3000, "m")
        try inRange("frequency", p.frequencyMHz, 20, 20000, "MHz")
        try inRange("N0", p.n0, 250, 400, "N-units")
        guard (1...7).contains(p.climate) else { throw ModelInputError("climate", "must be 1–7, got \(p.climate)") }
        guard p.polarization == 0 || p.polarization == 1 else { throw ModelInputError("polarization", "must be 0 (horizontal) or 1 (vertical), got \(p.polarization)") }
        guard p.permittivity.isFinite, p.permittivity >= 1 else { throw ModelInputError("permittivity", "must be 1 or more, got \(p.permittivity)") }
        guard p.conductivitySPerM.isFinite, p.conductivitySPerM > 0 else { throw ModelInputError("conductivity", "must be greater than 0 S/m, got \(p.conductivitySPerM)") }
        guard [0, 1, 2, 3].contains(p.mdvar % 10), p.mdvar >= 0, p.mdvar < 40 else {
            throw ModelInputError("mdvar", "must be 0–3, plus 10 (no location variability) and/or 20 (no situation variability), got \(p.mdvar)")
        }
        let percents: [(String, Double)]
        switch v {
        case let .timeLocationSituation(t, l, s): percents = [("time", t), ("location", l), ("situation", s)]
        case let .confidenceReliability(c, r): percents = [("confidence", c), ("reliability", r)]
        }
        for (name, x) in percents {
            guard x.isFinite, x > 0, x < 100 else { throw ModelInputError(name, "must be between 0 and 100 % (exclusive), got \(x)") }
        }
    }
}

extension ITM {
    /// A profile ITM can read: ITM needs equally spaced points, so a profile whose spacing
    /// varies (beyond 10⁻⁶ of the mean) is resampled linearly at its own number of points over
    /// the same length; an equally spaced one is returned unchanged.
    public static func equallySpaced(distancesM: [Double], heightsM: [Double]) -> (elevationsM: [Double], spacingM: Double) {
        let n = distancesM.count
        precondition(n >= 2 && heightsM.count == n)
        let length = distancesM[n - 1] - distancesM[0]
        let spacing = length / Double(n - 1)
        var uniform = true
        for i in 1..<n where abs(distancesM[i] - distancesM[0] - Double(i) * spacing) > 1e-6 * spacing {
            uniform = false
            break
        }
        if uniform { return (heightsM, spacing) }
        var out = [Double](repeating: 0, count: n)
        var j = 0
        for i in 0..<n {
            let x = distancesM[0] + Double(i) * spacing
            while j < n - 2 && distancesM[j + 1] < x { j += 1 }
            let t = (x - distancesM[j]) / (distancesM[j + 1] - distancesM[j])
            out[i] = heightsM[j] + (heightsM[j + 1] - heightsM[j]) * min(max(t, 0), 1)
        }
        return (out, spacing)
    }
}
