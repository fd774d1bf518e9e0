// TokenInspector on good, expired, about-to-expire, malformed and hostile tokens.
#include "auth/TokenInspector.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QByteArray b64url(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString makeJwt(const QByteArray &headerJson, const QByteArray &claimsJson,
                const QByteArray &signature = "c2lnbmF0dXJl")
{
    return QString::fromLatin1(b64url(headerJson) + '.' + b64url(claimsJson) + '.' + signature);
}

QString makeJwt(const QJsonObject &claims, const QByteArray &alg = "EdDSA")
{
    return makeJwt("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}",
                   QJsonDocument(claims).toJson(QJsonDocument::Compact));
}

QJsonObject ownerClaims(qint64 exp)
{
    return QJsonObject{{"sub", "user-1"},
                       {"activeOrganizationId", "org-a"},
                       {"orgRole", "owner"},
                       {"role", "super_admin"},
                       {"iss", "https://frontend.example"},
                       {"aud", "https://frontend.example"},
                       {"exp", double(exp)}};
}

const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

bool notesMention(const TokenInspection &r, const QString &word)
{
    for (const QString &n : r.notes)
        if (n.contains(word, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

class TestTokenInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goodJwtClaims()
    {
        const QString jwt = makeJwt(ownerClaims(kNow.toSecsSinceEpoch() + 3600));
        const TokenInspection r = TokenInspector::inspect(jwt);
        QCOMPARE(r.kind, TokenKind::Jwt);
        QVERIFY(r.problem.isEmpty());
        QCOMPARE(r.token, jwt);
        QCOMPARE(r.alg, QStringLiteral("EdDSA"));
        QCOMPARE(r.sub, QStringLiteral("user-1"));
        QCOMPARE(r.activeOrganizationId, QStringLiteral("org-a"));
        QCOMPARE(r.orgRole, QStringLiteral("owner"));
        QCOMPARE(r.role, QStringLiteral("super_admin"));
        QCOMPARE(r.iss, QStringLiteral("https://frontend.example"));
        QCOMPARE(r.aud, QStringList{"https://frontend.example"});
        QCOMPARE(r.expiresAt, kNow.addSecs(3600));
        QCOMPARE(r.expiresAt.timeSpec(), Qt::UTC);
        QVERIFY(!r.isExpired(kNow));
        QVERIFY(!r.expiresWithin(kNow, 60));
        QVERIFY(r.expiresWithin(kNow, 3600));
        QCOMPARE(r.capabilitiesFromRole(), (QStringList{"read", "send", "manage", "events"}));
        QVERIFY2(r.notes.isEmpty(), qPrintable(r.notes.join('|')));
    }

    void audArrayAndOtherAlgs()
    {
        QJsonObject c = ownerClaims(kNow.toSecsSinceEpoch() + 10);
        c["aud"] = QJsonArray{"a", 5, "b"};
        const TokenInspection r = TokenInspector::inspect(makeJwt(c, "ES256"));
        QCOMPARE(r.kind, TokenKind::Jwt);
        QCOMPARE(r.aud, (QStringList{"a", "b"}));
        QCOMPARE(r.alg, QStringLiteral("ES256"));
        QVERIFY(r.notes.isEmpty());

        const TokenInspection hs = TokenInspector::inspect(makeJwt(c, "HS256"));
        QCOMPARE(hs.kind, TokenKind::Jwt);
        QVERIFY(notesMention(hs, "EdDSA"));
    }

    void roleCapabilities_data()
    {
        QTest::addColumn<QString>("orgRole");
        QTest::addColumn<QStringList>("caps");
        const QStringList all{"read", "send", "manage", "events"};
        QTest::newRow("owner") << "owner" << all;
        QTest::newRow("admin") << "admin" << all;
        QTest::newRow("Admin, any case") << "Admin" << all;
        QTest::newRow("member") << "member" << QStringList{"read", "send", "events"};
        QTest::newRow("unknown") << "viewer" << QStringList{};
        QTest::newRow("absent") << QString() << QStringList{};
    }
    void roleCapabilities()
    {
        QFETCH(QString, orgRole);
        QFETCH(QStringList, caps);
        QJsonObject c = ownerClaims(kNow.toSecsSinceEpoch() + 10);
        if (orgRole.isNull())
            c.remove("orgRole");
        else
            c["orgRole"] = orgRole;
        const TokenInspection r = TokenInspector::inspect(makeJwt(c));
        QCOMPARE(r.kind, TokenKind::Jwt);
        QCOMPARE(r.capabilitiesFromRole(), caps);
    }

    void expiredAndAboutToExpire()
    {
        const TokenInspection expired = TokenInspector::inspect(
            makeJwt(ownerClaims(kNow.toSecsSinceEpoch() - 1)));
        QVERIFY(expired.isExpired(kNow));
        QVERIFY(expired.expiresWithin(kNow, 0));

        const TokenInspection atNow = TokenInspector::inspect(
            makeJwt(ownerClaims(kNow.toSecsSinceEpoch())));
        QVERIFY(atNow.isExpired(kNow));

        const TokenInspection soon = TokenInspector::inspect(
            makeJwt(ownerClaims(kNow.toSecsSinceEpoch() + 120)));
        QVERIFY(!soon.isExpired(kNow));
        QVERIFY(soon.expiresWithin(kNow, 300));
        QVERIFY(!soon.expiresWithin(kNow, 60));
    }

    void expiryUnknown_data()
    {
        QTest::addColumn<QJsonValue>("exp");
        QTest::addColumn<QString>("word");
        QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << "no expiry";
        QTest::newRow("string") << QJsonValue("tomorrow") << "not a number";
        QTest::newRow("negative") << QJsonValue(-5.0) << "out of range";
        QTest::newRow("huge") << QJsonValue(1e300) << "out of range";
    }
    void expiryUnknown()
    {
        QFETCH(QJsonValue, exp);
        QFETCH(QString, word);
        QJsonObject c = ownerClaims(0);
        if (exp.isUndefined())
            c.remove("exp");
        else
            c["exp"] = exp;
        const TokenInspection r = TokenInspector::inspect(makeJwt(c));
        QCOMPARE(r.kind, TokenKind::Jwt);
        QVERIFY(!r.expiresAt.isValid());
        QVERIFY(!r.isExpired(kNow));
        QVERIFY(!r.expiresWithin(kNow, 1'000'000));
        QVERIFY2(notesMention(r, word), qPrintable(r.notes.join('|')));
    }

    void unsignedJwtIsFlagged()
    {
        const QString none = makeJwt("{\"alg\":\"none\"}", "{\"sub\":\"x\"}", "");
        const TokenInspection r = TokenInspector::inspect(none);
        QCOMPARE(r.kind, TokenKind::Jwt);
        QVERIFY(notesMention(r, "unsigned"));
        QVERIFY(notesMention(r, "no signature"));
        QVERIFY(notesMention(r, "activeOrganizationId"));
    }

    void apiKeys()
    {
        const TokenInspection wa = TokenInspector::inspect("wa_0123456789abcdef");
        QCOMPARE(wa.kind, TokenKind::ApiKey);
        QVERIFY(wa.hasApiKeyPrefix);
        QVERIFY(wa.notes.isEmpty());
        QVERIFY(wa.capabilitiesFromRole().isEmpty());
        QVERIFY(!wa.isExpired(kNow));

        const TokenInspection other = TokenInspector::inspect("sk-something-else");
        QCOMPARE(other.kind, TokenKind::ApiKey);
        QVERIFY(!other.hasApiKeyPrefix);
        QVERIFY(notesMention(other, "wa_"));

        const TokenInspection cut = TokenInspector::inspect("eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0");
        QCOMPARE(cut.kind, TokenKind::ApiKey);
        QVERIFY(notesMention(cut, "copied only in part"));
    }

    void pastingNoise_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<bool>("prefixNote");
        QTest::newRow("newline") << "wa_key123\n" << false;
        QTest::newRow("crlf and spaces") << "  \t wa_key123\r\n" << false;
        QTest::newRow("bearer") << "Bearer wa_key123" << true;
        QTest::newRow("bearer lower, tab") << "bearer\twa_key123" << true;
        QTest::newRow("header line") << "Authorization: Bearer wa_key123\n" << true;
    }
    void pastingNoise()
    {
        QFETCH(QString, pasted);
        QFETCH(bool, prefixNote);
        const TokenInspection r = TokenInspector::inspect(pasted);
        QCOMPARE(r.kind, TokenKind::ApiKey);
        QCOMPARE(r.token, QStringLiteral("wa_key123"));
        QCOMPARE(notesMention(r, "Bearer"), prefixNote);
    }

    void bearerPrefixOnJwt()
    {
        const QString jwt = makeJwt(ownerClaims(kNow.toSecsSinceEpoch() + 10));
        const TokenInspection r = TokenInspector::inspect("Bearer " + jwt + "\n");
        QCOMPARE(r.kind, TokenKind::Jwt);
        QCOMPARE(r.token, jwt);
        // "Bearer" glued to the text is not a prefix: it is part of the token.
        QCOMPARE(TokenInspector::inspect("Bearerwa_x").token, QStringLiteral("Bearerwa_x"));
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("word");
        QTest::newRow("empty") << QString() << "No token";
        QTest::newRow("blank") << " \n\t "
                               << "No token";
        QTest::newRow("bearer only") << "Bearer   "
                                     << "No token";
        QTest::newRow("inner space") << "wa_abc def"
                                     << "space";
        QTest::newRow("inner newline") << "wa_abc\ndef"
                                       << "line break";
        QTest::newRow("control") << QString("wa_abc") + QChar(0x01) + "def"
                                 << "control";
        QTest::newRow("nul") << QString("wa_abc") + QChar(0) + "def"
                             << "control";
        QTest::newRow("non-ascii") << QString::fromUtf8("wa_ab\xc3\xa9") << "non-ASCII";
        QTest::newRow("too large")
            << QString(TokenInspector::kMaxTokenLength + 1, 'a') << "too large";
        QTest::newRow("huge") << QString(10 * 1024 * 1024, 'a') << "too large";
    }
    void rejected()
    {
        QFETCH(QString, pasted);
        QFETCH(QString, word);
        const TokenInspection r = TokenInspector::inspect(pasted);
        QCOMPARE(r.kind, TokenKind::Invalid);
        QVERIFY(!r.isValid());
        QVERIFY(r.token.isEmpty());
        QVERIFY2(r.problem.contains(word, Qt::CaseInsensitive), qPrintable(r.problem));
    }

    void largeButAllowed()
    {
        // A 10 kB api-key and a 10 kB JWT are odd but not hostile: classify them.
        const QString bigKey = "wa_" + QString(10 * 1024, 'k');
        QCOMPARE(TokenInspector::inspect(bigKey).kind, TokenKind::ApiKey);

        QJsonObject c = ownerClaims(kNow.toSecsSinceEpoch() + 10);
        c["padding"] = QString(7000, 'p');
        const QString bigJwt = makeJwt(c);
        QVERIFY(bigJwt.size() > 9000);
        QVERIFY(bigJwt.size() <= TokenInspector::kMaxTokenLength);
        const TokenInspection r = TokenInspector::inspect(bigJwt);
        QCOMPARE(r.kind, TokenKind::Jwt);
        QCOMPARE(r.sub, QStringLiteral("user-1"));
    }

    void malformedThreeParts_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("word");
        const QByteArray okHeader = b64url("{\"alg\":\"EdDSA\"}");
        const QByteArray okClaims = b64url("{\"sub\":\"x\"}");
        QTest::newRow("bad chars")
            << QString::fromLatin1(okHeader + ".d$f.ghi") << "base64url text";
        QTest::newRow("std base64")
            << QString::fromLatin1(okHeader + ".ab+/cd." + "sig") << "base64url";
        QTest::newRow("empty header") << QString::fromLatin1("." + okClaims + ".sig") << "empty";
        QTest::newRow("impossible length")
            << QString::fromLatin1(okHeader + ".abcde.sig") << "length";
        QTest::newRow("claims not json")
            << QString::fromLatin1(okHeader + "." + b64url("not json") + ".sig")
            << "not a JSON object";
        QTest::newRow("claims array")
            << QString::fromLatin1(okHeader + "." + b64url("[1,2]") + ".sig")
            << "not a JSON object";
        QTest::newRow("claims number")
            << QString::fromLatin1(okHeader + "." + b64url("42") + ".sig") << "not a JSON object";
        QTest::newRow("header string")
            << QString::fromLatin1(b64url("\"x\"") + "." + okClaims + ".sig")
            << "not a JSON object";
        QTest::newRow("truncated json")
            << QString::fromLatin1(okHeader + "." + b64url("{\"sub\":") + ".sig")
            << "not a JSON object";
    }
    void malformedThreeParts()
    {
        QFETCH(QString, token);
        QFETCH(QString, word);
        const TokenInspection r = TokenInspector::inspect(token);
        QCOMPARE(r.kind, TokenKind::ApiKey);
        QVERIFY2(notesMention(r, word), qPrintable(r.notes.join('|')));
        QVERIFY(notesMention(r, "Treated as an api-key"));
    }

    void jsonBombs()
    {
        const QByteArray header = b64url("{\"alg\":\"EdDSA\"}");
        // Deep arrays filling the size cap.
        const int depth = 5000;
        const QByteArray arrays = QByteArray(depth, '[') + QByteArray(depth, ']');
        const QString t1 = QString::fromLatin1(header + "." + b64url(arrays) + ".sig");
        QVERIFY(t1.size() <= TokenInspector::kMaxTokenLength);
        // Deep objects just over the limit.
        QByteArray objects = "1";
        for (int i = 0; i <= TokenInspector::kMaxJsonDepth; ++i)
            objects = "{\"a\":" + objects + "}";
        const QString t2 = QString::fromLatin1(header + "." + b64url(objects) + ".sig");
        // The same depth unbalanced (never closed) must not confuse the scan either.
        const QString t3 = QString::fromLatin1(header + "." + b64url(QByteArray(9000, '{'))
                                               + ".sig");

        for (const QString &t : {t1, t2, t3}) {
            QElapsedTimer clock;
            clock.start();
            const TokenInspection r = TokenInspector::inspect(t);
            QVERIFY(clock.elapsed() < 2000);
            QCOMPARE(r.kind, TokenKind::ApiKey);
            QVERIFY2(notesMention(r, "nests too deeply"), qPrintable(r.notes.join('|')));
        }

        // Brackets inside strings are data, not nesting.
        const QByteArray inString = "{\"sub\":\"" + QByteArray(200, '[') + "\\\"{{{{\"}";
        const TokenInspection ok = TokenInspector::inspect(
            QString::fromLatin1(header + "." + b64url(inString) + ".sig"));
        QCOMPARE(ok.kind, TokenKind::Jwt);
        QCOMPARE(ok.sub, QString(200, '[') + "\"{{{{");
    }

    void hostileInputIsFast()
    {
        // Every hostile shape at once, many times: the inspector must stay cheap.
        QByteArray garbage;
        for (int i = 0; i < 12 * 1024; ++i)
            garbage.append(char('A' + (i * 7919) % 26));
        const QStringList inputs{
            QString::fromLatin1(garbage),
            QString::fromLatin1(garbage.left(4000) + "." + garbage.mid(4000, 4000) + "."
                                + garbage.mid(8000)),
            QString(TokenInspector::kMaxTokenLength, '.'),
            QString(1024 * 1024, ' ') + "wa_x",
        };
        QElapsedTimer clock;
        clock.start();
        for (int round = 0; round < 50; ++round)
            for (const QString &in : inputs)
                TokenInspector::inspect(in);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void kindNames()
    {
        for (TokenKind k : {TokenKind::Jwt, TokenKind::ApiKey})
            QCOMPARE(tokenKindFromName(tokenKindName(k)), k);
        QCOMPARE(tokenKindFromName("bogus"), TokenKind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestTokenInspector)
#include "tst_tokeninspector.moc"
