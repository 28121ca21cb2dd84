import BlankSpotCore
import Testing

@Suite struct HugePageArrayTests {
    struct Refused: Error {}

    /// The array holds exactly what the initialiser wrote, for sizes below and well above the
    /// 2 MiB a huge page needs (the advice must not move or clip the storage).
    @Test(arguments: [0, 1, 1000, 3_000_000])
    func holdsWhatWasWritten(count: Int) {
        let values: [Float] = HugePageArray.make(count: count) { buffer in
            for i in buffer.indices { buffer[i] = Float(i % 977) - 0.5 }
        }
        #expect(values.count == count)
        #expect(values.indices.allSatisfy { values[$0] == Float($0 % 977) - 0.5 })
    }

    /// An error from the initialiser reaches the caller and no array is made.
    @Test func initialiserErrorsPropagate() {
        #expect(throws: Refused.self) {
            let _: [UInt16] = try HugePageArray.make(count: 4_000_000) { _ in throw Refused() }
        }
    }
}
