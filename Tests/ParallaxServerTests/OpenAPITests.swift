import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ParallaxServer

@Suite struct OpenAPITests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    func document() throws -> [String: Any] {
        let bytes = try #require(OpenAPIDocument.bytes, "Resources/openapi.json in the bundle")
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    func documentedRoutes(_ document: [String: Any]) throws -> [RouteDescription] {
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return paths.flatMap { path, item in
            item.keys.filter(OpenAPITests.methods.contains).map { RouteDescription(method: $0.uppercased(), path: path) }
        }
    }

    @Test func routesAndDocumentMatchBothWays() throws {
        let server = try TestServer()
        defer { server.finish() }
        let served = server.server.routes
        #expect(Set(served).count == served.count, "a route registered twice")
        let documented = try documentedRoutes(try document())
        let undocumented = Set(served).subtracting(documented).sorted()
        let unserved = Set(documented).subtracting(served).sorted()
        #expect(undocumented.isEmpty, "served but not in openapi.json: \(undocumented)")
        #expect(unserved.isEmpty, "in openapi.json but not served: \(unserved)")
        #expect(served.count >= 11)
    }

    @Test func documentIsWellFormed() throws {
        let document = try document()
        #expect(document["openapi"] as? String == "3.1.0")
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        let security = try #require(components["securitySchemes"] as? [String: [String: Any]])
        #expect(security["bearer"]?["scheme"] as? String == "bearer")
        // Every reference names a schema that exists.
        var references: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let ref = object["$ref"] as? String { references.append(ref) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(document)
        #expect(!references.isEmpty)
        for reference in Set(references) {
            let name = reference.replacingOccurrences(of: "#/components/schemas/", with: "")
            #expect(reference.hasPrefix("#/components/schemas/") && schemas[name] != nil, "\(reference)")
        }
        // Every `{parameter}` of a path is declared as a path parameter of each operation.
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        for (path, item) in paths {
            let captured = Set(path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
            for (method, operation) in item where OpenAPITests.methods.contains(method) {
                let parameters = (operation as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
                let declared = Set(parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
                #expect(declared == captured, "\(method) \(path)")
                #expect((operation as? [String: Any])?["responses"] != nil, "\(method) \(path)")
            }
        }
        // The write is the one operation that needs the token.
        let post = try #require(paths["/api/articles"]?["post"] as? [String: Any])
        #expect(post["security"] != nil)
    }

    /// Each documented route reaches a handler (a handler may say 404 for an unknown id,
    /// but never "no route").
    @Test func everyDocumentedRouteIsAnswered() async throws {
        let routes = try documentedRoutes(try document())
        try await TestServer().test { client in
            for route in routes {
                let uri = route.path.replacingOccurrences(of: "{id}", with: "1")
                let response = try await client.execute(uri: uri, method: HTTPRequest.Method(route.method)!)
                #expect(response.error?.message.hasPrefix("no route") != true, "\(route)")
                #expect(!response.text.contains("no route for"), "\(route)")
            }
            let served = try await client.get("/openapi.json")
            #expect(served.status == .ok)
            #expect(served.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(Array(buffer: served.body) == OpenAPIDocument.bytes)
        }
    }
}
