// Fuzz target: the gateway's JSON decoders (GatewayJson), fed the way GatewayClient feeds
// them (raw body -> QJsonDocument -> decoder). The first byte picks the decoder, the rest is
// the body. Oracles: no crash or UB; a decoder that refuses says why; whatever decodes
// encodes (the shape the local API serves) and decodes back to the same JSON; an error
// status always yields a typed Api error with a code.
#include "FuzzCheck.h"

#include "gateway/GatewayJson.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cstdint>
#include <iterator>

namespace {

// GatewayClient's parseJson: an object or an array, or nothing.
std::optional<QJsonValue> parse(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

// decode -> encode -> decode -> encode: both encodings must be equal.
template <typename Decode, typename Encode>
void roundTrip(const QJsonValue &json, Decode decode, Encode encode)
{
    QString error;
    const auto first = decode(json, &error);
    if (!first) {
        FUZZ_CHECK(!error.isEmpty());
        return;
    }
    const QJsonObject encoded = encode(*first);
    QString again;
    const auto second = decode(QJsonValue(encoded), &again);
    FUZZ_CHECK(second.has_value());
    FUZZ_CHECK(encode(*second) == encoded);
}

template <typename T>
auto object(std::optional<T> (*decode)(const QJsonValue &, QString *, const QString &))
{
    return [decode](const QJsonValue &v, QString *e) { return decode(v, e, QStringLiteral("$")); };
}

template <typename T, typename Encode>
auto page(Encode encode)
{
    return [encode](const Page<T> &p) { return GatewayJson::fromPage(p, encode); };
}

// Decoders without an encoder: only "no crash, and a reason when refused".
template <typename Decode>
void decodeOnly(const QJsonValue &json, Decode decode)
{
    QString error;
    if (!decode(json, &error))
        FUZZ_CHECK(!error.isEmpty());
}

// The statuses the gateway answers errors with (and one it never names).
constexpr int kErrorStatuses[] = {400, 401, 403, 404, 409, 429, 500, 501, 503, 502};
constexpr int kDecoders = 13;
constexpr int kSelectors = kDecoders + int(std::size(kErrorStatuses));

void errorEnvelope(int status, const QByteArray &body)
{
    GatewayError e;
    e.kind = GatewayError::Kind::Api;
    e.httpStatus = status;
    GatewayJson::readErrorEnvelope(body, &e);
    FUZZ_CHECK(!e.code.isEmpty());
    FUZZ_CHECK(e.message.size() <= 1000 || e.message.startsWith(QLatin1String("HTTP ")));
    FUZZ_CHECK(!e.describe().isEmpty());
    (void)e.isTransient();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int selector = data[0] % kSelectors;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (selector >= kDecoders) {
        errorEnvelope(kErrorStatuses[selector - kDecoders], body);
        return 0;
    }
    const std::optional<QJsonValue> json = parse(body);
    if (!json)
        return 0;
    using namespace GatewayJson;
    switch (selector) {
    case 0:
        roundTrip(*json, object(&toSession), &fromSession);
        break;
    case 1:
        roundTrip(*json, object(&toContact), &fromContact);
        break;
    case 2:
        roundTrip(*json, object(&toIdentity), &fromIdentity);
        break;
    case 3:
        roundTrip(*json, object(&toContactGroup), &fromContactGroup);
        break;
    case 4:
        roundTrip(*json, object(&toContactDetail), &fromContactDetail);
        break;
    case 5:
        roundTrip(*json, object(&toGroup), &fromGroup);
        break;
    case 6:
        roundTrip(*json, object(&toGroupMember), &fromGroupMember);
        break;
    case 7:
        decodeOnly(*json, object(&toProfilePicture));
        break;
    case 8:
        decodeOnly(*json, object(&toAbout));
        break;
    case 9:
        roundTrip(*json, &toSessionPage, page<WaSession>(&fromSession));
        break;
    case 10:
        roundTrip(*json, &toContactPage, page<Contact>(&fromContact));
        break;
    case 11:
        roundTrip(*json, &toGroupPage, page<Group>(&fromGroup));
        break;
    case 12:
        roundTrip(*json, &toGroupMemberPage, page<GroupMember>(&fromGroupMember));
        break;
    }
    return 0;
}
