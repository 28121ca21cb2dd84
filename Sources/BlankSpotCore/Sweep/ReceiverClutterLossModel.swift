/// The land-cover classes of one tower's receiver cells, found from their offsets to the tower.
struct ReceiverCellClasses: Sendable {
    let classIndexOfCell: [UInt8]?
    let towerCell: Int
    let gridWidth: Int

    /// Every receiver in class 0.
    static let single = ReceiverCellClasses(classIndexOfCell: nil, towerCell: 0, gridWidth: 0)

    init(classIndexOfCell: [UInt8]?, towerCell: Int, gridWidth: Int) {
        self.classIndexOfCell = classIndexOfCell
        self.towerCell = towerCell
        self.gridWidth = gridWidth
    }

    init(landCover: CellLandCover, site: GridSite, gridWidth: Int) {
        self.init(classIndexOfCell: landCover.classIndexOfCell, towerCell: site.row * gridWidth + site.col, gridWidth: gridWidth)
    }

    /// The class index of the cell `dCol`, `dRow` from the tower's (the sweep visits only cells
    /// of the grid).
    @inline(__always)
    func classIndex(dCol: Int, dRow: Int) -> Int {
        guard let i = classIndexOfCell else { return 0 }
        return Int(i[towerCell + dRow * gridWidth + dCol])
    }
}

/// A ray model whose receivers stand in clutter that its own profile leaves out (ITM): the
/// value is the inner model's less the receiver cell's terminal correction A_h of ITU-R
/// P.2108-1 §3.1 (``P2108/heightGainCorrectionDB(frequencyGHz:heightM:clutterHeightM:type:streetWidthM:)``),
/// as P.2108 intends for path models without clutter at the terminal. The transmitter, a mast
/// above its clutter, takes none.
struct ReceiverClutterLossModel<Inner: RayProfileModel>: RayProfileModel {
    var inner: Inner
    let cells: ReceiverCellClasses
    /// A_h of each land-cover class, dB (≥ 0).
    let lossDBOfClass: [Float]

    /// A_h of every class for a receiver `rxHeightM` above ground at `frequencyGHz`: 0 where the
    /// receiver stands at or above R; nil when the frequency lies outside P.2108 §3.1's range
    /// (``P2108/frequencyRangeGHz``).
    static func lossesDB(classes: [LandCoverClass], frequencyGHz: Double, rxHeightM: Double) -> [Float]? {
        guard P2108.frequencyRangeGHz.contains(frequencyGHz) else { return nil }
        return classes.map { c in
            guard c.clutterHeightM > rxHeightM else { return 0 }
            return Float((try? P2108.heightGainCorrectionDB(frequencyGHz: frequencyGHz, heightM: rxHeightM,
                                                            clutterHeightM: c.clutterHeightM, type: c.p2108Type)) ?? 0)
        }
    }

    static var exactNearSamples: Int { Inner.exactNearSamples }
    /// A_h ≥ 0 only lowers the signal, so the inner model's bound holds.
    var reachM: Double { inner.reachM }
    var provesReach: Bool { inner.provesReach }

    mutating func beginRay(stepM: Double) { inner.beginRay(stepM: stepM) }

    @inline(__always)
    func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile, irrelevantBelow: Float) -> Float {
        let loss = lossDBOfClass[cells.classIndex(dCol: dCol, dRow: dRow)]
        return inner.receiverValue(groundM: groundM, distanceM: distanceM, dCol: dCol, dRow: dRow, near: near,
                                   irrelevantBelow: irrelevantBelow + loss) - loss
    }

    func isSurelyBelow(_ irrelevantBelow: Float, groundM: Double, distanceM: Double, dCol: Int, dRow: Int,
                       nearFromM: Double, nearToM: Double, nearCount: Int) -> Bool {
        let loss = lossDBOfClass[cells.classIndex(dCol: dCol, dRow: dRow)]
        return inner.isSurelyBelow(irrelevantBelow + loss, groundM: groundM, distanceM: distanceM, dCol: dCol, dRow: dRow,
                                   nearFromM: nearFromM, nearToM: nearToM, nearCount: nearCount)
    }

    mutating func addSample(heightM: Double, distanceM: Double, inverseDistance: Double) {
        inner.addSample(heightM: heightM, distanceM: distanceM, inverseDistance: inverseDistance)
    }

    mutating func addSample(heightM: Double, surfaceM: Double, distanceM: Double, inverseDistance: Double) {
        inner.addSample(heightM: heightM, surfaceM: surfaceM, distanceM: distanceM, inverseDistance: inverseDistance)
    }

    mutating func aim(dCol: Double, dRow: Double) { inner.aim(dCol: dCol, dRow: dRow) }
    var readsZones: Bool { inner.readsZones }
    mutating func addSampleZone(cell: Int) { inner.addSampleZone(cell: cell) }
    func isSpent(beyondM: Double) -> Bool { inner.isSpent(beyondM: beyondM) }

    func ownCellValue(groundM: Double) -> Float {
        inner.ownCellValue(groundM: groundM) - lossDBOfClass[cells.classIndex(dCol: 0, dRow: 0)]
    }
}

/// P.1812's location variability (§4.9) with each receiver cell's own clutter: the offset
/// −Qi(pL/100)·σL, where σL = uh·(0.024·f + 0.52)·w^0.28 and uh is 1 for a receiver below its
/// cell's R, falling linearly to 0 at R + 10 m. The sweep's model runs with the class whose
/// offset is the least (``baseClutterHeightM``); the others take the difference on top.
struct ReceiverLocationVariability: Sendable {
    let classes: [LandCoverClass]
    let p1812: P1812AreaSettings
    let rxHeightM: Double
    /// The class with the least offset (uh does not depend on the frequency, so one for all).
    let baseIndex: Int

    init(classes: [LandCoverClass], p1812: P1812AreaSettings, rxHeightM: Double) {
        self.classes = classes
        self.p1812 = p1812
        self.rxHeightM = rxHeightM
        let offsets = Self.offsetsDB(classes: classes, p1812: p1812, rxHeightM: rxHeightM, frequencyGHz: 1)
        baseIndex = offsets.indices.min { offsets[$0] < offsets[$1] } ?? 0
    }

    var baseClutterHeightM: Double { classes[baseIndex].clutterHeightM }

    static func offsetsDB(classes: [LandCoverClass], p1812: P1812AreaSettings, rxHeightM: Double, frequencyGHz: Double) -> [Double] {
        let q = -InverseNormal.complementary(p1812.locationPercent / 100)
        return classes.map {
            q * P1812.locationSigmaDB(frequencyGHz: frequencyGHz, areaWidthM: p1812.locationAreaWidthM, rxHeightM: rxHeightM,
                                      rxClutterHeightM: $0.clutterHeightM)
        }
    }

    /// Each class's offset less the base class's, dB (≥ 0), at `frequencyGHz`.
    func extraLossDB(frequencyGHz: Double) -> [Float] {
        let offsets = Self.offsetsDB(classes: classes, p1812: p1812, rxHeightM: rxHeightM, frequencyGHz: frequencyGHz)
        return offsets.map { Float(max(0, $0 - offsets[baseIndex])) }
    }
}
