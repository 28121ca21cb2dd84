import Foundation

/// ITM's reference attenuation: the median attenuation relative to free space over the path,
/// before variability (Hufford 1995, ITM v1.2.2 §4, subprogram lrprop).
///
/// Diffraction is evaluated at two distances beyond the smooth-earth horizon and extended as a
/// straight line A = aed + emd·d. Within the smooth-earth horizon distance dLs the line-of-sight
/// curve Ael + k1·d + k2·ln d is fitted through two- ray points and the diffraction line; beyond
/// a distance dx where the troposcatter line (fitted at dL + 200 km and + 400 km) crosses below
/// the diffraction line, scatter takes over.
enum ITMReferenceAttenuation {
    struct Result {
        var attenuationDB: Double
        var mode: ITMPropagationMode
        /// 0 none; 1 parameters outside the recommended ranges; 3 outside the validated ranges
        /// of the model's internal fits; 4 results unlikely to be meaningful.
        var warning: Int
    }

    static func compute(geometry g: ITMPathGeometry, environment e: ITMEnvironment) -> Result {
        let gme = e.curvaturePerM, wn = e.waveNumber
        let he = g.effectiveHeightsM, hg = g.antennaHeightsM
        let dls = SIMD2((2 * he[0] / gme).squareRoot(), (2 * he[1] / gme).squareRoot())
        let dlsa = dls[0] + dls[1]
        let dla = g.horizonDistancesM[0] + g.horizonDistancesM[1]
        let tha = max(g.horizonAnglesRad[0] + g.horizonAnglesRad[1], -dla * gme)

        var warning = 0
        if wn < 0.838 || wn > 210 { warning = max(warning, 1) }
        for j in 0..<2 where hg[j] < 1 || hg[j] > 1000 { warning = max(warning, 1) }
        for j in 0..<2 where abs(g.horizonAnglesRad[j]) > 200e-3 || g.horizonDistancesM[j] < 0.1 * dls[j]
            || g.horizonDistancesM[j] > 3 * dls[j] { warning = max(warning, 3) }
        let ns = e.surfaceRefractivity, zg = e.groundImpedance
        if ns < 250 || ns > 400 || gme < 75e-9 || gme > 250e-9 || zg.re <= abs(zg.im) || wn < 0.419 || wn > 420 {
            warning = 4
        }
        for j in 0..<2 where hg[j] < 0.5 || hg[j] > 3000 { warning = 4 }
        let dmin = abs(he[0] - he[1]) / 200e-3
        let dist = g.distanceM
        if dist > 0 {
            if dist > 1000e3 { warning = max(warning, 1) }
            if dist < dmin { warning = max(warning, 3) }
            if dist < 1e3 || dist > 2000e3 { warning = 4 }
        }

        // Diffraction line through two points beyond the horizons.
        let diffraction = ITMDiffraction(geometry: g, environment: e, smoothHorizonSumM: dlsa, horizonSumM: dla, angleSumRad: tha)
        let xae = cbrt(1 / (wn * gme * gme))
        let d3 = max(dlsa, 1.3787 * xae + dla)
        let d4 = d3 + 2.7574 * xae
        let a3 = diffraction.attenuationDB(distanceM: d3)
        let a4 = diffraction.attenuationDB(distanceM: d4)
        let emd = (a4 - a3) / (d4 - d3)
        let aed = a3 - emd * d3

        var aref: Double
        let mode: ITMPropagationMode
        if dist < dlsa {
            aref = lineOfSightDB(distanceM: dist, geometry: g, environment: e, dlsa: dlsa, dla: dla, emd: emd, aed: aed)
            mode = .lineOfSight
        } else {
            var scatter = ITMTroposcatter(geometry: g, environment: e, angleSumRad: tha)
            let d5 = dla + 200e3
            let d6 = d5 + 200e3
            let a6 = scatter.attenuationDB(distanceM: d6)
            let a5 = scatter.attenuationDB(distanceM: d5)
            let ems: Double, aes: Double, dx: Double
            if a5 < 1000 {
                ems = (a6 - a5) / 200e3
                dx = max(dlsa, max(dla + 0.3 * xae * log(47.7 * wn), (a5 - aed - ems * d5) / (emd - ems)))
                aes = (emd - ems) * dx + aed
            } else {
                ems = emd
                aes = aed
                dx = 10e6
            }
            if dist > dx {
                aref = aes + ems * dist
                mode = .troposcatter
            } else {
                aref = aed + emd * dist
                mode = .diffraction
            }
        }
        return Result(attenuationDB: max(aref, 0), mode: mode, warning: warning)
    }

    /// The line-of-sight curve Ael + k1·d + k2·ln d (lrprop's line-of-sight branch): through the
    /// diffraction line's value at dLs and two-ray values at d1 (and d0 when it lies before d1),
    /// with k1, k2 ≥ 0 so the attenuation never falls with distance.
    static func lineOfSightDB(distanceM dist: Double, geometry g: ITMPathGeometry, environment e: ITMEnvironment,
                              dlsa: Double, dla: Double, emd: Double, aed: Double) -> Double {
        let los = ITMLineOfSight(geometry: g, environment: e, smoothHorizonSumM: dlsa, diffractionSlope: emd, diffractionIntercept: aed)
        let he = g.effectiveHeightsM
        let d2 = dlsa
        let a2 = aed + d2 * emd
        var d0 = 1.908 * e.waveNumber * he[0] * he[1]
        let d1: Double
        if aed >= 0 {
            d0 = min(d0, 0.5 * dla)
            d1 = d0 + 0.25 * (dla - d0)
        } else {
            d1 = max(-aed / emd, 0.25 * dla)
        }
        let a1 = los.attenuationDB(distanceM: d1)
        var fitted = false
        var ak1 = 0.0, ak2 = 0.0
        if d0 < d1 {
            let a0 = los.attenuationDB(distanceM: d0)
            let q = log(d2 / d0)
            ak2 = max(0, ((d2 - d0) * (a1 - a0) - (d1 - d0) * (a2 - a0)) / ((d2 - d0) * log(d1 / d0) - (d1 - d0) * q))
            fitted = aed >= 0 || ak2 > 0
            if fitted {
                ak1 = (a2 - a0 - ak2 * q) / (d2 - d0)
                if ak1 < 0 {
                    ak1 = 0
                    ak2 = max(a2 - a0, 0) / q
                    if ak2 == 0 { ak1 = emd }
                }
            }
        }
        if !fitted {
            ak1 = max(a2 - a1, 0) / (d2 - d1)
            ak2 = 0
            if ak1 == 0 { ak1 = emd }
        }
        let ael = a2 - ak1 * d2 - ak2 * log(d2)
        return dist > 0 ? ael + ak1 * dist + ak2 * log(dist) : ael
    }
}

/// ITM's propagation mode of a path (as its reference driver reports it).
public enum ITMPropagationMode: Int, Sendable, Codable {
    case lineOfSight = 1, diffraction = 2, troposcatter = 3

    public var name: String {
        switch self {
        case .lineOfSight: "line of sight"
        case .diffraction: "diffraction"
        case .troposcatter: "troposcatter"
        }
    }
}
