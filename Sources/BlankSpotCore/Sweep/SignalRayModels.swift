import Foundation

/// Free-space loss to every cell (P.1812 eq. 8 over the slant distance between the antennas):
/// no terrain, the baseline a flat earth would give.
struct FreeSpaceRayModel: RayProfileModel {
    let budget: LinkBudget
    let frequencyGHz: Double
    let rxHeightM: Double
    let cellSizeM: Double

    mutating func beginRay(stepM: Double) {}
    mutating func addSample(heightM: Double, distanceM: Double, inverseDistance: Double) {}

    /// Free space over the slant distance is at least free space over the horizontal one.
    var reachM: Double { budget.freeSpaceReachM(frequencyGHz: frequencyGHz) }

    func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile, irrelevantBelow: Float) -> Float {
        let hrs = groundM + rxHeightM
        let dz = hrs - budget.txAltitudeM
        let slantKm = (distanceM * distanceM + dz * dz).squareRoot() / 1000
        let loss = FreeSpace.lossDB(distanceKm: slantKm, frequencyGHz: frequencyGHz)
        return budget.marginDB(lossDB: loss, dCol: dCol, dRow: dRow, distanceM: distanceM, rxAltitudeM: hrs)
    }

    func ownCellValue(groundM: Double) -> Float {
        ownCellMargin(budget: budget, frequencyGHz: frequencyGHz, groundM: groundM, rxHeightM: rxHeightM, cellSizeM: cellSizeM)
    }
}

/// The tower's own cell: free space at half a cell's distance, straight below the antenna's
/// boresight direction (north), a handset's typical distance from a mast within its cell.
func ownCellMargin(budget: LinkBudget, frequencyGHz: Double, groundM: Double, rxHeightM: Double, cellSizeM: Double) -> Float {
    let distanceM = cellSizeM / 2
    let hrs = groundM + rxHeightM
    let dz = hrs - budget.txAltitudeM
    let loss = FreeSpace.lossDB(distanceKm: (distanceM * distanceM + dz * dz).squareRoot() / 1000, frequencyGHz: frequencyGHz)
    let az = budget.antenna.azimuthDeg ?? 0
    let el = atan2(dz, distanceM) * 180 / .pi
    return Float(budget.eirpDBm + budget.antenna.relativeGainDB(azimuthDeg: az, elevationDeg: el) - loss - budget.thresholdDBm)
}

/// Okumura–Hata / COST 231 Hata median loss (``Hata``): terrain only through the antenna
/// heights above ground; never less than free space (the formulas are extrapolated below 1 km).
/// The environment is the receiver cell's: one for the whole run, or its land-cover class's
/// (``LandCoverClass/hataEnvironment``).
struct HataRayModel: RayProfileModel {
    let budget: LinkBudget
    let frequencyMHz: Double
    let baseHeightM: Double
    let rxHeightM: Double
    /// The environment of each land-cover class of ``cells``.
    let environmentOfClass: [Hata.Environment]
    let cells: ReceiverCellClasses
    let cellSizeM: Double

    mutating func beginRay(stepM: Double) {}
    mutating func addSample(heightM: Double, distanceM: Double, inverseDistance: Double) {}

    /// The loss used is never below free space.
    var reachM: Double { budget.freeSpaceReachM(frequencyGHz: frequencyMHz / 1000) }

    func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile, irrelevantBelow: Float) -> Float {
        let hrs = groundM + rxHeightM
        let dKm = distanceM / 1000
        let hata = Hata.lossDB(frequencyMHz: frequencyMHz, baseHeightM: baseHeightM, mobileHeightM: rxHeightM,
                               distanceKm: dKm, environment: environmentOfClass[cells.classIndex(dCol: dCol, dRow: dRow)])
        let free = FreeSpace.lossDB(distanceKm: dKm, frequencyGHz: frequencyMHz / 1000)
        return budget.marginDB(lossDB: max(hata, free), dCol: dCol, dRow: dRow, distanceM: distanceM, rxAltitudeM: hrs)
    }

    func ownCellValue(groundM: Double) -> Float {
        ownCellMargin(budget: budget, frequencyGHz: frequencyMHz / 1000, groundM: groundM, rxHeightM: rxHeightM, cellSizeM: cellSizeM)
    }
}
