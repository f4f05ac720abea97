import Foundation

/// An embedding at rest: its floats as little-endian 32-bit IEEE 754 values.
public enum EmbeddingBytes {
    public static func encode(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// nil when the bytes are not a whole number of floats.
    public static func decode(_ data: Data) -> [Float]? {
        guard data.count % 4 == 0 else { return nil }
        var vector: [Float] = []
        vector.reserveCapacity(data.count / 4)
        var index = data.startIndex
        while index < data.endIndex {
            var bits: UInt32 = 0
            for k in 0..<4 { bits |= UInt32(data[index + k]) << (8 * UInt32(k)) }
            vector.append(Float(bitPattern: bits))
            index += 4
        }
        return vector
    }
}
