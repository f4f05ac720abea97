import Foundation
import Hummingbird
import Logging
import NIOCore

/// `parallax serve`: the JSON API (described by Resources/openapi.json), Prometheus
/// metrics and the web UI over one story store, on Hummingbird.
public struct ParallaxServer: Sendable {
    public let configuration: ServerConfiguration
    let services: ServerServices

    public init(configuration: ServerConfiguration) {
        self.configuration = configuration
        services = ServerServices(configuration)
    }

    /// The router with every route, and the routes as registered.
    func buildRouter() -> (Router<BasicRequestContext>, [RouteDescription]) {
        let router = Router()
        // Middleware applies to routes added after it: metrics outermost, so they see the
        // status the error middleware chose.
        router.add(middleware: MetricsMiddleware(metrics: services.metrics))
        router.add(middleware: ErrorMiddleware())
        let table = RouteTable(router: router)
        APIRoutes(services: services).register(on: table)
        WebRoutes(services: services).register(on: table)
        return (router, table.routes)
    }

    /// Every route the server answers, as `GET /api/stories/{id}`.
    public var routes: [RouteDescription] { buildRouter().1 }

    /// The application; `run()` or `runService()` (which stops cleanly on SIGINT and
    /// SIGTERM) serves until stopped. `onServerRunning` gets the port listened on (useful
    /// with port 0).
    public func application(logger: Logger? = nil,
                            onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> Application<RouterResponder<BasicRequestContext>> {
        var logger = logger ?? Logger(label: "parallax.serve")
        if logger.logLevel > .info { logger.logLevel = .info }
        return Application(
            router: buildRouter().0,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "Parallax"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}
