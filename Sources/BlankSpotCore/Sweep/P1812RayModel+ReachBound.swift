import Foundation

/// The automatic reach's proof for P.1812 (p = 50 %): whether no receiver the ray owns from a
/// distance d0 onwards can be served, whatever the terrain ahead, given only the ray's
/// committed samples and ``TerrainAhead`` per clutter-excess tier (for each tier: bounds of
/// the slope (hrs − hts)/d from the transmitter to the receivers, hrs = ground + hr, and their
/// lowest clutter excess E). A ray is spent when every tier is.
///
/// It bounds each term of Lb ≥ min(Lbs, Lbfs + Lbulla, max(Lba, Lbfs)) − 5·log10 2 + location
/// offset (see ``P1812HorizonTerms/lossLowerBoundDB(constants:)``) from below for every
/// receiver of the tier at d ≥ d0:
/// - **Lbfs** (eq. 8) ≥ 92.4 + 20·log10 f + 20·log10 d0 (the slant distance is longer).
/// - **Lbulla** (eqs. 12–20) ≥ J(ν) + (1 − e^(−J/6))(10 + 0.02·d0) for the ν of any single
///   profile point: the Bullington point's ν is the largest under its roof (see the early
///   bound's notes), and in line of sight νmax is the largest by definition. Two points serve:
///   - the transmitter's committed horizon on the surface, at x* with flattened slope S*: its
///     height above the line to the receiver is x*·(S* − F) with F = (hrs − hts)/d − c·d
///     (c = 500/ae), at least x*·(S* − Fmax), and its ν at least that times √(0.002/(λ·x*));
///   - the receiver's neighbour on the exact line, at most √2 cells before it, whose surface
///     is at least the receiver's ground + E: its height above the line is at least
///     E − hr − max(0, −min (hrs − hts)/d)·√2·cell, and its ν at least that times
///     √(0.002/(λ·√2·cell)).
/// - **Lbs** (eq. 44) ≥ its constant + 20·log10 d0 + 0.573·θ with θ ≥ 0 (the elevation
///   angles of the two terminals towards each other already sum to −d/ae) and θ ≥ d0/ae + θt +
///   θr with θt ≥ the committed horizon's elevation and θr ≥ that of the receiver's neighbour,
///   atan((E − hr)/(√2·cell)).
/// - **Lba** (eqs. 46–52 with A(p) ≥ 0) ≥ 102.45 + 20·log10 f + 20·log10(dlt + dlr) + Alf +
///   Ast + Asr + γd·θ′ (less 12 dB on runs with sea, the most the coupling of eq. 49 takes
///   off), with dlt + dlr ≥ min(d0, x + cell) for the committed bare-terrain
///   horizon at x; the transmitter's site shielding (eq. 48) with θ″t ≥ θt − 0.1·(largest path)
///   and dlt ≥ one step (in line of sight dlt is the distance of the highest-ν point, which may
///   be the first), and the receiver's taken at the smaller of its values at the ends of dlr's
///   range (it is concave in dlr where positive).
/// With antenna gain ≤ 0, a ray is spent when every branch of the min exceeds EIRP − threshold
/// + 5·log10 2 − location offset.
extension P1812RayModel {
    var provesReach: Bool { settings.timePercent == 50 && aheadTable != nil }

    mutating func aim(dCol: Double, dRow: Double) {
        raySector = aheadTable?.sector(dCol: dCol, dRow: dRow) ?? 0
    }

    func isSpent(beyondM: Double) -> Bool {
        guard settings.timePercent == 50, let aheadTable else { return false }
        let d0 = beyondM / 1000
        let lossLimit = budget.eirpDBm - budget.thresholdDBm
        let lbfs = 92.4 + 20 * constants.log10F + 20 * DecibelMath.log10(d0)
        if lbfs + constants.focusingFloorDB > lossLimit { return true }
        let floor = lossLimit + 5 * DecibelMath.log10(2.0) - constants.locationOffsetDB
        for tier in 0..<TerrainAheadTiers.count {
            let ahead = aheadTable.ahead(sector: raySector, tier: tier, distanceCells: beyondM / cellSizeM)
            // No receiver of this tier ahead: nothing to bound.
            if ahead.maxRiseSlope > -.infinity && !isSpent(ahead: ahead, d0: d0, lbfs: lbfs, floor: floor) { return false }
        }
        return true
    }

    /// Whether every receiver described by `ahead` at `d0` km or farther has a basic
    /// transmission loss above `floor` (see the type's notes); `lbfs` is free space at `d0`.
    private func isSpent(ahead: TerrainAhead, d0: Double, lbfs: Double, floor: Double) -> Bool {
        let cellKm = cellSizeM / 1000
        let hr = settings.rxHeightM
        let nearKm = 2.0.squareRoot() * cellKm

        // Elevation angles (mrad): the transmitter's committed bare horizon, and the
        // receiver's clutter neighbour (−∞ when its excess is unknown).
        let thetaTLow = maxFlatSlope > -.infinity ? Self.elevationLowerBoundMrad(flattenedSlope: maxFlatSlope) : -.infinity
        let clutterRise = ahead.minExcessM - hr
        // The neighbour lies cell to √2·cell before the receiver: the lower slope bound divides
        // a rise by the longest distance and a fall by the shortest.
        let thetaRLow = clutterRise.isFinite
            ? Self.elevationLowerBoundMrad(flattenedSlope: clutterRise / (clutterRise > 0 ? nearKm : cellKm) - curvaturePerKm * nearKm)
            : -.infinity

        // Troposcatter.
        let theta = max(0, 1000 * d0 / constants.aeKm + thetaTLow + thetaRLow)
        let lbs = constants.troposcatterConstant + 20 * DecibelMath.log10(d0) + 0.573 * (theta.isFinite ? theta : 0)
        guard lbs > floor else { return false }

        // Diffraction: the larger of the two single-point bounds.
        var nu = -Double.infinity
        let slope = hasClutter ? maxFlatSurfaceSlope : maxFlatSlope
        let slopeKm = hasClutter ? maxFlatSurfaceSlopeKm : maxFlatSlopeKm
        if slope > -.infinity && slopeKm > 0 {
            let height = slopeKm * (slope - ahead.maxFlatRiseSlope)
            if height > 0 { nu = height * (0.002 / (wavelengthM * slopeKm)).squareRoot() }
        }
        if clutterRise.isFinite {
            let height = clutterRise - max(0, -ahead.minRiseSlope) * nearKm
            if height > 0 { nu = max(nu, height * (0.002 / (wavelengthM * nearKm)).squareRoot()) }
        }
        let luc = nu > -.infinity ? KnifeEdge.lossDB(nu: nu) : 0
        guard lbfs + P1812Diffraction.bullingtonLossDB(knifeEdgeDB: luc, pathLengthKm: d0) > floor else { return false }

        // Ducting.
        let dltLow = maxFlatSlope > -.infinity ? maxFlatSlopeKm : 0
        let dsum = min(d0, dltLow + cellKm)
        let outerKm = Double(maxSamples) * cellKm
        var thetaRForDucting = thetaRLow
        if !thetaRForDucting.isFinite {
            // θr is at least the elevation of the transmitter seen from the receiver.
            thetaRForDucting = min(0, -ahead.maxRiseSlope) - 1000 * outerKm / (2 * constants.aeKm)
        }
        let thetaPrime = 1000 * d0 / constants.aeKm + min(thetaTLow.isFinite ? thetaTLow : 0, 0.1 * dltLow, 0)
            + min(thetaRForDucting, 0.1 * cellKm)
        var lba = 102.45 + 20 * constants.log10F + 20 * DecibelMath.log10(dsum) + constants.lowFrequencyCorrection
            + constants.seaCouplingFloorDB
            + constants.gammaD * min(0, thetaPrime)
        let f = constants.frequencyGHz, cubeRootF = constants.cubeRootF
        if thetaTLow.isFinite {
            // The transmitter's site shielding with θ″t = θt − 0.1·dlt ≥ θt − 0.1·outer (dlt ≤ d)
            // and dlt at least one step.
            lba += P1812Ducting.siteShieldingDB(thetaMrad: thetaTLow - 0.1 * (outerKm - stepKm), horizonKm: stepKm, frequencyGHz: f,
                                                cubeRootF: cubeRootF)
        }
        if thetaRLow.isFinite && thetaRLow > 0 {
            lba += min(P1812Ducting.siteShieldingDB(thetaMrad: thetaRLow, horizonKm: cellKm, frequencyGHz: f, cubeRootF: cubeRootF),
                       P1812Ducting.siteShieldingDB(thetaMrad: thetaRLow, horizonKm: outerKm, frequencyGHz: f, cubeRootF: cubeRootF))
        }
        return max(lba, lbfs) > floor
    }
}
