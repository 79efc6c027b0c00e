/// Every message on the wire. JSON objects with a `type` discriminator beside the message's own
/// fields, e.g. `{"type":"hello","protocol":1,"client":"frontline 0.1.0","role":"console"}`.
public enum WireMessage: Equatable, Sendable {
    case hello(Hello)
    case welcome(Welcome)
    case refusal(Refusal)
    case subscribe(Subscribe)
    case sync(Sync)
    case events(EventBatch)
    case perform(PerformRequest)
    case performed(Performed)
    case performBatch(PerformBatchRequest)
    case performedBatch(PerformedBatch)
    case refused(Refused)
    case presence(Presence)
    case presenceBoard(PresenceBoard)
    case operation(OperationRequest)
    case output(OperationOutput)
    case finished(OperationFinished)

    public var type: String {
        switch self {
        case .hello: "hello"
        case .welcome: "welcome"
        case .refusal: "refusal"
        case .subscribe: "subscribe"
        case .sync: "sync"
        case .events: "events"
        case .perform: "perform"
        case .performed: "performed"
        case .performBatch: "perform_batch"
        case .performedBatch: "performed_batch"
        case .refused: "refused"
        case .presence: "presence"
        case .presenceBoard: "presence_board"
        case .operation: "operation"
        case .output: "output"
        case .finished: "finished"
        }
    }
}

extension WireMessage: Codable {
    private enum TypeKey: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "hello": self = .hello(try Hello(from: decoder))
        case "welcome": self = .welcome(try Welcome(from: decoder))
        case "refusal": self = .refusal(try Refusal(from: decoder))
        case "subscribe": self = .subscribe(try Subscribe(from: decoder))
        case "sync": self = .sync(try Sync(from: decoder))
        case "events": self = .events(try EventBatch(from: decoder))
        case "perform": self = .perform(try PerformRequest(from: decoder))
        case "performed": self = .performed(try Performed(from: decoder))
        case "perform_batch": self = .performBatch(try PerformBatchRequest(from: decoder))
        case "performed_batch": self = .performedBatch(try PerformedBatch(from: decoder))
        case "refused": self = .refused(try Refused(from: decoder))
        case "presence": self = .presence(try Presence(from: decoder))
        case "presence_board": self = .presenceBoard(try PresenceBoard(from: decoder))
        case "operation": self = .operation(try OperationRequest(from: decoder))
        case "output": self = .output(try OperationOutput(from: decoder))
        case "finished": self = .finished(try OperationFinished(from: decoder))
        default: throw WireError.unknownMessageType(type)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type, forKey: .type)
        switch self {
        case let .hello(m): try m.encode(to: encoder)
        case let .welcome(m): try m.encode(to: encoder)
        case let .refusal(m): try m.encode(to: encoder)
        case let .subscribe(m): try m.encode(to: encoder)
        case let .sync(m): try m.encode(to: encoder)
        case let .events(m): try m.encode(to: encoder)
        case let .perform(m): try m.encode(to: encoder)
        case let .performed(m): try m.encode(to: encoder)
        case let .performBatch(m): try m.encode(to: encoder)
        case let .performedBatch(m): try m.encode(to: encoder)
        case let .refused(m): try m.encode(to: encoder)
        case let .presence(m): try m.encode(to: encoder)
        case let .presenceBoard(m): try m.encode(to: encoder)
        case let .operation(m): try m.encode(to: encoder)
        case let .output(m): try m.encode(to: encoder)
        case let .finished(m): try m.encode(to: encoder)
        }
    }
}
