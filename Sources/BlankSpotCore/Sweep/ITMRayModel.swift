import Foundation

/// What an ITM coverage run needs besides each tower's frequency and height.
public struct ITMCoverageSettings: Sendable, Equatable {
    /// Radio climate 1–7 (1 equatorial).
    public var climate: Int
    /// Sea-level surface refractivity N0, N-units.
    public var n0: Double
    public var ground: ITMGround
    /// 0 horizontal, 1 vertical.
    public var polarization: Int
    /// Time and situation percentages (locations: see ``ITMParameters``: mdvar 12 eliminates
    /// location variability on a known profile).
    public var timePercent: Double
    public var situationPercent: Double

    public init(climate: Int = 1, n0: Double = TropicalDefaults.n0, ground: ITMGround = .average, polarization: Int = 1,
                timePercent: Double = 50, situationPercent: Double = 50) {
        self.climate = climate
        self.n0 = n0
        self.ground = ground
        self.polarization = polarization
        self.timePercent = timePercent
        self.situationPercent = situationPercent
    }

    /// The parameters a tower's run will use, for checking them before the sweep.
    public func parametersForValidation(frequencyMHz: Double, txHeightM: Double, rxHeightM: Double) -> ITMParameters {
        parameters(frequencyMHz: frequencyMHz, txHeightM: txHeightM, rxHeightM: rxHeightM)
    }

    public var variabilityForValidation: ITMVariability { variability }

    func parameters(frequencyMHz: Double, txHeightM: Double, rxHeightM: Double) -> ITMParameters {
        ITMParameters(frequencyMHz: frequencyMHz, txHeightM: txHeightM, rxHeightM: rxHeightM, climate: climate, n0: n0,
                      ground: ground, polarization: polarization)
    }

    var variability: ITMVariability {
        .timeLocationSituation(timePercent: timePercent, locationPercent: 50, situationPercent: situationPercent)
    }
}

/// ITM point to point per cell inside the sweep, over the ray's own profile.
///
/// ITM's terrain analysis (horizons, the interdecile Δh, least-squares effective heights) reads
/// the whole profile and has no incremental form, so each receiver costs O(n) for n profile
/// points: the ray keeps its samples in one buffer with the tower's ground in front, and a
/// receiver at step i reads entries 0…i with the receiver's own ground as the last point and the
/// ``exactNearSamples`` points before it taken from the exact line to the cell (as for P.1812),
/// spaced d/i apart. A 50 km ray at 30 m therefore costs about 1,700²/2 profile-point visits,
/// against a few hull queries per cell for P.1812 (see benchmarks/RESULTS.md for measured times).
/// Samples without data repeat the last valid height (ITM has no notion of a gap).
struct ITMRayModel: RayProfileModel {
    static let exactNearSamples = 16

    let budget: LinkBudget
    let parameters: ITMParameters
    let deviates: (Double, Double, Double)
    let txGroundM: Double
    let frequencyGHz: Double
    let rxHeightM: Double
    let cellSizeM: Double
    let maxSamples: Int

    var storage: RayStorage?
    /// profile[0] = the tower's ground, profile[j] = the ray sample of step j.
    var profile: UnsafeMutablePointer<Double>?
    /// Where a receiver's substituted points are saved and restored.
    var saved: UnsafeMutablePointer<Double>?
    var sampleCount = 0
    var lastValidM = 0.0

    init(site: GridSite, budget: LinkBudget, settings: ITMCoverageSettings, rxHeightM: Double, cellSizeM: Double, maxSamples: Int) {
        self.budget = budget
        parameters = settings.parameters(frequencyMHz: site.tower.frequencyMHz, txHeightM: site.tower.heightM, rxHeightM: rxHeightM)
        deviates = ITM.deviates(settings.variability)
        txGroundM = site.groundM
        frequencyGHz = site.tower.frequencyMHz / 1000
        self.rxHeightM = rxHeightM
        self.cellSizeM = cellSizeM
        self.maxSamples = maxSamples
    }

    mutating func beginRay(stepM: Double) {
        if storage == nil {
            let s = RayStorage(blocks: 2, capacity: max(maxSamples + 2, Self.exactNearSamples + 1))
            storage = s
            profile = s.block(0)
            saved = s.block(1)
        }
        profile![0] = txGroundM
        sampleCount = 0
        lastValidM = txGroundM
    }

    mutating func addSample(heightM h: Double, distanceM: Double, inverseDistance: Double) {
        if !h.isNaN { lastValidM = h }
        sampleCount += 1
        profile![sampleCount] = lastValidM
    }

    func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile, irrelevantBelow: Float) -> Float {
        let z = profile!, keep = saved!
        let np = sampleCount + 1
        // Substitute the exact-line points and the receiver's ground, evaluate, restore.
        let first = np - near.count
        for k in 0..<near.count {
            keep[k] = z[first + k]
            let h = near.heightM(k)
            if !h.isNaN { z[first + k] = h }
        }
        keep[near.count] = z[np]
        z[np] = groundM
        let loss = ITM.lossDB(z: UnsafeBufferPointer(start: z, count: np + 1), spacingM: distanceM / Double(np),
                              parameters: parameters, deviates: deviates)
        for k in 0...near.count { z[first + k] = keep[k] }
        return budget.marginDB(lossDB: loss, dCol: dCol, dRow: dRow, distanceM: distanceM, rxAltitudeM: groundM + rxHeightM)
    }

    func ownCellValue(groundM: Double) -> Float {
        ownCellMargin(budget: budget, frequencyGHz: frequencyGHz, groundM: groundM, rxHeightM: rxHeightM, cellSizeM: cellSizeM)
    }
}
