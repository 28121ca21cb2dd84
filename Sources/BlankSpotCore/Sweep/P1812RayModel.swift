import Foundation

/// ITU-R P.1812 per cell inside the sweep (see ``P1812AreaPrediction``'s notes).
///
/// Along the ray it keeps: the upper convex hull of the earth-curvature-flattened profile
/// z = h − 500·d²/ae (its tangent from the receiver gives the receiver horizon, θr and the
/// Bullington Srim; its vertices give νmax on line-of-sight paths), the running maximum of the
/// transmitter-side slope (θt, Stim), the hull of the raw profile (obstruction height hobs and
/// αobr), the running maximum raw slope (αobt), and the smooth-earth sums v1, v2. The last
/// ``exactNearSamples`` ray samples are held back: for each receiver the sweep supplies those
/// points from the exact line to it (``NearProfile``), and every query takes them into account
/// by direct evaluation. Each receiver cell then costs a few O(log n) hull queries, K direct
/// evaluations and the closed-form parts of the model.
struct P1812RayModel: RayProfileModel {
    static let exactNearSamples = 16

    let budget: LinkBudget
    let settings: P1812AreaSettings
    let constants: P1812TowerConstants
    let txGroundM: Double
    let txAltitudeM: Double
    let towerLatDeg: Double
    let cellSizeM: Double
    let curvaturePerKm: Double   // 500/ae, metres per km²
    let betaCurvaturePerKm: Double   // 500/aβ
    let wavelengthM: Double
    let useBeta: Bool
    /// Most samples a ray can have.
    let maxSamples: Int
    /// Whether the run has clutter: the Bullington construction (eqs. 13–21) then runs over the
    /// surface g = h + R of its own hull (§3.2), while the horizons, the smooth earth, the
    /// obstruction and the roughness keep the bare terrain h, as in ``P1812/basicTransmissionLoss``.
    let hasClutter: Bool
    /// The zone of every cell when some land-cover class is not inland (sea, coastal land), and
    /// the zones along the current ray: the tower's point, then one ray sample per step, each
    /// standing for one step of the path (the tower's for half of one). The near points take
    /// their zones from the ray samples they stand in for; the receiver its own cell's. nil:
    /// every path is inland.
    let zoneMap: CellZones?
    let towerCell: Int
    let gridWidth: Int
    var zoneWalk = P1812ZoneWalk()

    /// This copy's buffers (nil until its first ray; never shared between copies).
    var storage: RayStorage?
    /// What the rays may meet ahead, for the automatic reach's proof (nil: no proof).
    var aheadTable: TerrainAheadTable?
    /// The sector of ``aheadTable`` the current ray runs in.
    var raySector = 0
    var stepKm = 0.0
    /// All ray samples so far (heights, nan = no data; sample j at (j+1)·stepKm).
    var samples: UnsafeMutablePointer<Double>?
    var sampleCount = 0
    /// Ray samples committed to the running state (the others wait, ``exactNearSamples``).
    var committed = 0
    var flat: UpperHull?
    var flatBeta: UpperHull?
    var raw: UpperHull?
    var fit = SmoothEarthFit()
    var maxFlatSlope = -Double.infinity
    var maxFlatSlopeKm = 0.0
    var maxFlatSlopeBeta = -Double.infinity
    var maxRawSlope = -Double.infinity
    /// With clutter: the surface samples g (as `samples`), their flattened hull and the
    /// steepest flattened slope of g from the transmitter.
    var surfaceSamples: UnsafeMutablePointer<Double>?
    var flatSurface: UpperHull?
    var maxFlatSurfaceSlope = -Double.infinity
    var maxFlatSurfaceSlopeKm = 0.0

    /// `zones`, `gridWidth`: the zone of every cell of the grid the sweep walks, that grid's
    /// width (nil, ignored: every path is inland).
    init(site: GridSite, budget: LinkBudget, settings: P1812AreaSettings, cellSizeM: Double, climate: P1812InlandClimateTable,
         maxSamples: Int, hasClutter: Bool = false, zones: CellZones? = nil, gridWidth: Int = 0) {
        self.hasClutter = hasClutter
        self.budget = budget
        self.settings = settings
        zoneMap = zones
        self.gridWidth = gridWidth
        towerCell = site.row * gridWidth + site.col
        constants = P1812TowerConstants(settings: settings, climate: climate, hasZones: zones != nil)
        txGroundM = site.groundM
        txAltitudeM = site.antennaAltitudeM
        towerLatDeg = site.tower.latDeg
        self.cellSizeM = cellSizeM
        curvaturePerKm = 500 / settings.effectiveEarthRadiusKm
        betaCurvaturePerKm = 500 / (P1812RadioClimate.earthRadiusKm * 3)
        wavelengthM = settings.wavelengthM
        useBeta = settings.timePercent < 50
        self.maxSamples = maxSamples
    }

    mutating func beginRay(stepM: Double) {
        if storage == nil {
            let s = RayStorage(blocks: hasClutter ? 10 : 7, capacity: maxSamples + 2)
            storage = s
            samples = s.block(0)
            flat = UpperHull(x: s.block(1), y: s.block(2))
            raw = UpperHull(x: s.block(3), y: s.block(4))
            flatBeta = UpperHull(x: s.block(5), y: s.block(6))
            if hasClutter {
                surfaceSamples = s.block(7)
                flatSurface = UpperHull(x: s.block(8), y: s.block(9))
            }
        }
        stepKm = stepM / 1000
        sampleCount = 0
        committed = 0
        flat!.removeAll()
        flatBeta!.removeAll()
        raw!.removeAll()
        flatSurface?.removeAll()
        maxFlatSurfaceSlope = -.infinity
        fit = SmoothEarthFit()
        fit.append(distanceKm: 0, heightM: txGroundM)
        maxFlatSlope = -.infinity
        maxFlatSlopeBeta = -.infinity
        maxRawSlope = -.infinity
        if let zoneMap {
            zoneWalk = P1812ZoneWalk()
            zoneWalk.add(zoneMap.zone(cell: towerCell), atKm: 0, stretchKm: stepKm / 2)
        }
    }

    var readsZones: Bool { zoneMap != nil }

    /// The zone of the cell nearest the sample just added, for one step of the path.
    mutating func addSampleZone(cell: Int) {
        zoneWalk.add(zoneMap!.zone(cell: cell), atKm: Double(sampleCount) * stepKm, stretchKm: stepKm)
    }

    /// The zones of the path to the receiver `dCol`, `dRow` from the tower, `d` km away (nil:
    /// all inland). Its own point stands for the rest of the path beyond the samples' stretches.
    @inline(__always)
    func pathZones(d: Double, dCol: Int, dRow: Int) -> P1812PathZones? {
        guard let zoneMap else { return nil }
        let rest = max(0, d - (Double(sampleCount) + 0.5) * stepKm)
        return zoneWalk.zones(receiverZone: zoneMap.zone(cell: towerCell + dRow * gridWidth + dCol), receiverStretchKm: rest, pathKm: d)
    }

    mutating func addSample(heightM h: Double, distanceM: Double, inverseDistance: Double) {
        appendSample(heightM: h)
    }

    /// With clutter: the terrain sample and the surface sample g = h + R at the same place.
    mutating func addSample(heightM h: Double, surfaceM g: Double, distanceM: Double, inverseDistance: Double) {
        guard hasClutter else { return appendSample(heightM: h) }
        samples![sampleCount] = h
        surfaceSamples![sampleCount] = g
        sampleCount += 1
        while sampleCount - committed > Self.exactNearSamples {
            let d = Double(committed + 1) * stepKm
            commit(heightM: samples![committed], distanceKm: d)
            commitSurface(surfaceM: surfaceSamples![committed], distanceKm: d)
            committed += 1
        }
    }

    /// The surface's share of a committed sample: its flattened hull and slope for the
    /// Bullington construction, and the aβ hull (which with clutter is built on g, not h).
    @inline(__always)
    private mutating func commitSurface(surfaceM g: Double, distanceKm d: Double) {
        guard !g.isNaN else { return }
        let z = g - curvaturePerKm * d * d
        let slope = (z - txAltitudeM) / d
        if slope > maxFlatSurfaceSlope { maxFlatSurfaceSlope = slope; maxFlatSurfaceSlopeKm = d }
        flatSurface!.append(x: d, y: z)
        if useBeta {
            let zb = g - betaCurvaturePerKm * d * d
            maxFlatSlopeBeta = max(maxFlatSlopeBeta, (zb - txAltitudeM) / d)
            flatBeta!.append(x: d, y: zb)
        }
    }

    /// ``addSample(heightM:distanceM:inverseDistance:)``'s work, always inlined: the P.1812
    /// sweep inlines it anyway, and ``P1812WalkFloor`` must pay for it the same way.
    @inline(__always)
    mutating func appendSample(heightM h: Double) {
        samples![sampleCount] = h
        sampleCount += 1
        // Commit the sample that is now more than K steps behind the front.
        while sampleCount - committed > Self.exactNearSamples {
            commit(heightM: samples![committed], distanceKm: Double(committed + 1) * stepKm)
            committed += 1
        }
    }

    @inline(__always)
    private mutating func commit(heightM h: Double, distanceKm d: Double) {
        guard !h.isNaN else { return }   // no data: left out of the profile
        let z = h - curvaturePerKm * d * d
        let inverseD = 1 / d
        let flatSlope = (z - txAltitudeM) * inverseD
        if flatSlope > maxFlatSlope { maxFlatSlope = flatSlope; maxFlatSlopeKm = d }
        maxRawSlope = max(maxRawSlope, (h - txAltitudeM) * inverseD)
        flat!.append(x: d, y: z)
        raw!.append(x: d, y: h)
        fit.append(distanceKm: d, heightM: h)
        if useBeta && !hasClutter {
            let zb = h - betaCurvaturePerKm * d * d
            maxFlatSlopeBeta = max(maxFlatSlopeBeta, (zb - txAltitudeM) / d)
            flatBeta!.append(x: d, y: zb)
        }
    }

    func ownCellValue(groundM: Double) -> Float {
        ownCellMargin(budget: budget, frequencyGHz: settings.frequencyGHz, groundM: groundM, rxHeightM: settings.rxHeightM, cellSizeM: cellSizeM)
    }

    /// Lb ≥ Lb0p (eq. 69) ≥ free space over the horizontal distance + 2.6·log10(p/50), the
    /// strongest focusing of eqs. 9a/10 (0 at p = 50 %).
    var reachM: Double { budget.freeSpaceReachM(frequencyGHz: settings.frequencyGHz, floorDB: constants.focusingFloorDB) }

    /// The margin at a receiver, computed in full unless it is proved below `irrelevantBelow`.
    /// Every value that is not −∞ is the model's own: a value that could only count the tower
    /// as a server is not replaced by a bound, so that counts, served extents and the reach do
    /// not depend on which towers were merged before this one (an earlier shortcut, an upper
    /// bound of Lb for towers that could not be the best, counted one cell of a Kalimantan
    /// Selatan run as served 10.9 dB below the threshold, depending on the merge order).
    func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile, irrelevantBelow: Float) -> Float {
        let d = distanceM / 1000
        let hrs = groundM + settings.rxHeightM
        let gain = budget.antennaGainDB(dCol: dCol, dRow: dRow, distanceM: distanceM, rxAltitudeM: hrs)
        // Losses above this would leave the margin below `irrelevantBelow`.
        let lossLimit = Double(irrelevantBelow) == -.infinity ? .infinity
            : budget.eirpDBm + gain - budget.thresholdDBm - Double(irrelevantBelow)
        let dz = (hrs - txAltitudeM) / 1000
        let freeSpace = constants.slantFreeSpaceLossDB(pathKm: d, heightDifferenceKm: dz)   // eq. 8
        let loss: Double
        if freeSpace + constants.focusingFloorDB > lossLimit {
            // Even line of sight with the strongest focusing (Lb ≥ Lb0p, eq. 69) is irrelevant.
            return -.infinity
        } else if flat!.count == 0 && near.count == 0 {
            // No terrain point between the antennas (the tower's neighbours): free space.
            loss = freeSpace
        } else {
            let points = NearPoints(near, curvaturePerKm: curvaturePerKm, txAltitudeM: txAltitudeM, rxAltitudeM: hrs, pathKm: d)
            let surfacePoints = hasClutter ? NearPoints(near.onSurface!, curvaturePerKm: curvaturePerKm, txAltitudeM: txAltitudeM, rxAltitudeM: hrs, pathKm: d) : nil
            loss = p1812Loss(d: d, hn: groundM, hrs: hrs, dRow: dRow, near: points, surfaceNear: surfacePoints,
                             zones: pathZones(d: d, dCol: dCol, dRow: dRow), freeSpaceDB: freeSpace, lossLimit: lossLimit)
        }
        return Float(budget.eirpDBm + gain - loss - budget.thresholdDBm)
    }

    /// hm (eq. 93) over the committed ray samples and the near points.
    struct Roughness: P1812RoughnessSource {
        let samples: UnsafeMutablePointer<Double>
        let committed: Int
        let stepKm: Double
        let near: NearPoints

        func roughnessM(smoothTxM hst: Double, smoothRxM hsr: Double, pathKm d: Double, txHorizonKm dlt: Double, rxHorizonKm dlr: Double) -> Double {
            let m = (hsr - hst) / d
            // Committed sample j lies at (j + 1)·step: only those between the horizons count.
            // The index range from a division, then trimmed with the distance tests themselves.
            let from = dlt - 1e-9, to = d - dlr + 1e-9
            var first = max(0, Int((dlt / stepKm).rounded(.up)) - 2)
            var last = min(committed - 1, Int(((d - dlr) / stepKm).rounded(.down)))
            while first <= last && !(Double(first + 1) * stepKm >= from) { first += 1 }
            while last >= first && !(Double(last + 1) * stepKm <= to) { last -= 1 }
            var rough = Self.largestAboveLine(samples: samples, first: first, last: last, stepKm: stepKm, lineAtZeroM: hst, slope: m)
            for j in 0..<near.count {
                let dj = near.dKm[j]
                if dj >= dlt - 1e-9 && dj <= d - dlr + 1e-9 { rough = max(rough, near.h[j] - (hst + m * dj)) }
            }
            return rough
        }

        /// max over committed samples j in `first`…`last` of h_j − (`lineAtZeroM` + `slope`·d_j),
        /// d_j = (j + 1)·`stepKm`, samples without data left out; −∞ if none. This scan is the
        /// one per-cell cost that grows with the path (12 % of cells on the 50 km benchmark
        /// need it), so it takes four samples at a time; each lane computes the scalar
        /// expression, and a maximum does not depend on the order it is taken in.
        @inline(__always)
        static func largestAboveLine(samples: UnsafeMutablePointer<Double>, first: Int, last: Int, stepKm: Double,
                                     lineAtZeroM hst: Double, slope m: Double) -> Double {
            typealias Lanes = SIMD4<Double>
            var best = Lanes(repeating: -.infinity)
            let laneSteps = Lanes(1, 2, 3, 4)
            var j = first
            while j + 3 <= last {
                let h = Lanes.load(samples, j)
                let dj = (Lanes(repeating: Double(j)) + laneSteps) * stepKm
                let v = h - (hst + m * dj)
                best.replace(with: v, where: v .> best)   // nan (no data) never compares greater
                j += 4
            }
            var rough = best.largest
            while j <= last {
                let v = samples[j] - (hst + m * (Double(j + 1) * stepKm))
                if v > rough { rough = v }
                j += 1
            }
            return rough
        }
    }

    /// Bullington quantities over a flattened hull plus the near points (curvature `k`):
    /// trans-horizon flag, Stim, Srim, νmax, where νmax is (dlt on line-of-sight paths), the
    /// steepest slope from the transmitter and, on trans-horizon paths, the distance of its
    /// point (0 otherwise), and the receiver-side tangent (slope and the distance of its point).
    @inline(__always)
    func bullington(hull: UpperHull, maxSlope committedMax: Double, maxSlopeKm committedMaxKm: Double, k: Double,
                    d: Double, hrs: Double, near: NearPoints)
        -> (transHorizon: Bool, stim: Double, srim: Double, nuMax: Double, nuMaxKm: Double,
            txSlope: Double, txSlopeKm: Double, tangentSlope: Double, tangentKm: Double) {
        let zrx = hrs - k * d * d
        let slopeToRx = (zrx - txAltitudeM) / d
        // Flattened heights of the near points for this curvature (the cached ones are for ae).
        let sameCurvature = k == curvaturePerKm
        @inline(__always) func zNear(_ j: Int) -> Double { sameCurvature ? near.z[j] : near.h[j] - k * near.dKm[j] * near.dKm[j] }
        // The steepest slope from the transmitter: the committed one unless a near point's is
        // steeper (the first such point, as a scan of the committed maximum then the points gives).
        var maxSlope = committedMax, maxSlopeKm = committedMaxKm
        if sameCurvature {
            if near.maxFlatSlope > maxSlope { maxSlope = near.maxFlatSlope; maxSlopeKm = .nan }   // a near point's: found below if needed
        } else {
            for j in 0..<near.count {
                let slope = (zNear(j) - txAltitudeM) * near.inverseD[j]
                if slope > maxSlope { maxSlope = slope; maxSlopeKm = near.dKm[j] }
            }
        }
        if maxSlope > slopeToRx {
            var tangent = -Double.infinity, tangentKm = 0.0
            if hull.count > 0 {
                let t = hull.tangentFromRight(x: d, y: zrx)
                tangent = t.slope
                tangentKm = hull.x[t.index]
            }
            if sameCurvature {
                if near.rxTangentSlope > tangent { tangent = near.rxTangentSlope; tangentKm = near.firstRxTangentKm() }
            } else {
                for j in 0..<near.count {
                    let slope = (zNear(j) - zrx) * near.inverseU[j]
                    if slope > tangent { tangent = slope; tangentKm = near.dKm[j] }
                }
            }
            if maxSlopeKm.isNaN { maxSlopeKm = near.firstMaxFlatSlopeKm() }
            return (true, maxSlope + k * d, tangent - k * d, 0, 0, maxSlope, maxSlopeKm, tangent, tangentKm)
        }
        var nuMax = -Double.infinity, at = 0.0
        let scale = 0.002 * d / wavelengthM
        // ν = c·√(scale/(x·(d − x))) for clearance c, and x·(d − x) ≤ d²/4: a vertex below the
        // line (c ≤ 0) has ν ≤ c·2√scale/d, so one whose bound (loosened by 10⁻¹² against
        // rounding) is under the best so far cannot win and needs no square root.
        let nuBoundPerM = 2 * scale.squareRoot() / d * (1 - 1e-12)
        for j in 0..<hull.count {
            let dj = hull.x[j]
            let clearance = hull.y[j] - txAltitudeM - dj * slopeToRx
            if clearance <= 0 && clearance * nuBoundPerM < nuMax { continue }
            let nu = clearance * (scale / (dj * (d - dj))).squareRoot()
            if nu > nuMax { nuMax = nu; at = dj }
        }
        for j in 0..<near.count {
            let dj = near.dKm[j]
            let nu = (zNear(j) - txAltitudeM - dj * slopeToRx) * (scale * near.inverseD[j] * near.inverseU[j]).squareRoot()
            if nu > nuMax { nuMax = nu; at = dj }
        }
        return (false, maxSlope + k * d, 0, nuMax, at, maxSlope, 0, 0, 0)
    }

    /// The path summary to a receiver `d` km away with ground `hn` and antenna `hrs` m: the
    /// horizons and Bullington parameters (eqs. 13–19, 76–81) over the committed samples and
    /// the near points.
    @inline(__always)
    func pathSummary(d: Double, hn: Double, hrs: Double, near: NearPoints, surfaceNear: NearPoints? = nil) -> P1812PathSummary {
        let k = curvaturePerKm
        let hts = txAltitudeM
        let ae = settings.effectiveEarthRadiusKm
        let flat = self.flat!
        // Horizons over the terrain; with clutter, the Bullington construction over g = h + R.
        let b = bullington(hull: flat, maxSlope: maxFlatSlope, maxSlopeKm: maxFlatSlopeKm, k: k, d: d, hrs: hrs, near: near)
        var bg = b
        if hasClutter, let surfaceNear {
            bg = bullington(hull: flatSurface!, maxSlope: maxFlatSurfaceSlope, maxSlopeKm: maxFlatSurfaceSlopeKm, k: k, d: d, hrs: hrs, near: surfaceNear)
        }
        // Horizons (eqs. 76–81); elevation angles in the arctangent form of ``P1812PathAnalysis``.
        let thetaT: Double, dlt: Double, thetaR: Double, dlr: Double
        if b.transHorizon {
            thetaT = 1000 * atan(b.txSlope / 1000)
            dlt = b.txSlopeKm
            thetaR = 1000 * atan((b.tangentSlope - 2 * k * d) / 1000)
            dlr = d - b.tangentKm
        } else {
            let zrx = hrs - k * d * d
            thetaT = 1000 * atan((zrx - hts) / (1000 * d))
            dlt = b.nuMaxKm
            thetaR = P1812PathAnalysis.elevationMrad(dhM: hts - hrs, dKm: d, aeKm: ae)
            dlr = d - dlt
        }
        var summary = P1812PathSummary(
            pathLengthKm: d, txGroundM: txGroundM, rxGroundM: hn, htsM: hts, hrsM: hrs,
            sampleCount: committed + near.count, stepKm: stepKm, isTransHorizon: bg.transHorizon,
            txHorizonAngleMrad: thetaT, txHorizonKm: dlt, rxHorizonAngleMrad: thetaR, rxHorizonKm: dlr,
            stim: bg.stim, srim: bg.srim, nuMax: bg.nuMax)
        if useBeta {
            let bb = bullington(hull: flatBeta!, maxSlope: maxFlatSlopeBeta, maxSlopeKm: 0, k: betaCurvaturePerKm, d: d, hrs: hrs,
                                near: surfaceNear ?? near)
            summary.betaTransHorizon = bb.transHorizon
            summary.betaStim = bb.stim
            summary.betaSrim = bb.srim
            summary.betaNuMax = bb.nuMax
        }
        return summary
    }

    /// Lb to a receiver `d` km away (ground `hn`, antenna `hrs` m, the path's `zones`) whose
    /// Lbfs (eq. 8) is `freeSpaceDB`; +∞ once a lower bound exceeds `lossLimit`.
    @inline(__always)
    func p1812Loss(d: Double, hn: Double, hrs: Double, dRow: Int, near: NearPoints, surfaceNear: NearPoints? = nil,
                   zones: P1812PathZones? = nil, freeSpaceDB: Double, lossLimit: Double) -> Double {
        let hts = txAltitudeM
        let raw = self.raw!
        var summary = pathSummary(d: d, hn: hn, hrs: hrs, near: near, surfaceNear: surfaceNear)
        summary.zones = zones
        let terms = P1812HorizonTerms(summary: summary, constants: constants, freeSpaceDB: freeSpaceDB)
        let lowerBound = terms.lossLowerBoundDB(constants: constants)
        // Ruled out before the smooth surface is gathered.
        if lowerBound > lossLimit { return .infinity }
        // Smooth earth through the near points and the receiver's own point (eqs. 83–86), and
        // the obstruction above the line between the antennas, raw heights (eqs. 87, 88): the
        // committed part from the running state, then one pass over the near points.
        var f = fit
        let s = (hrs - hts) / d
        let top = max(raw.count > 0 ? raw.support(slope: s).value : -Double.infinity, near.rawTopM)
        let rxSlope = max(raw.count > 0 ? raw.tangentFromRight(x: d, y: hrs).slope : -Double.infinity, near.rawRxSlope)
        let txSlope = max(maxRawSlope, near.rawTxSlope)
        near.append(to: &f)
        f.append(distanceKm: d, heightM: hn)
        let surface = P1812SmoothSurface(smoothTxM: f.txHeightM, smoothRxM: f.rxHeightM, obstructionM: top - hts,
                                         alphaObt: txSlope - s, alphaObr: rxSlope + s)
        // Path centre: half way to the receiver, north–south component (≈ 110.6 km per degree).
        let centreLat = towerLatDeg - Double(dRow) * cellSizeM / 2 / 110_600
        return P1812.basicTransmissionLossDB(summary: summary, surface: surface, terms: terms, constants: constants,
                                             pathCentreLatDeg: centreLat,
                                             roughness: Roughness(samples: samples!, committed: committed, stepKm: stepKm, near: near))
    }
}
