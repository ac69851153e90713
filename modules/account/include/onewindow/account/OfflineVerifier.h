#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ow::account {

// The clerks' offline verifiers: after an online sign-in, PBKDF2-HMAC-SHA-256 of the password with
// a random 16-byte salt (never the password), in <dataDir>/verifiers.json (0600), so that the
// clerk can sign in (and unlock) while the back office is out of reach.
class OfflineVerifier
{
    Q_DECLARE_TR_FUNCTIONS(OfflineVerifier)

public:
    static constexpr int kIterations = 210000;

    enum class Check { Match, Wrong, Unknown };

    // `iterations`: the count for new verifiers (tests may lower it; never below 1000).
    explicit OfflineVerifier(QString dataDir, int iterations = kIterations);

    static QString path(const QString &dataDir);
    // Stores (replaces) the verifier of `name`, bound to `window` (the user's window key id).
    // Returns "" or the message.
    QString remember(const QString &name, const QString &window, const QString &password) const;
    // Unknown when the user never signed in here online (or was signed in for another window).
    Check check(const QString &name, const QString &window, const QString &password) const;
    bool knows(const QString &name, const QString &window) const;
    // The wrong passwords in a row of a known user and until when the next try waits, kept beside
    // the verifier so that a restart does not reset the wait (nothing is kept for unknown users).
    void recordFailures(const QString &name, int count, const QDateTime &blockedUntil) const;
    int failures(const QString &name) const;
    QDateTime blockedUntil(const QString &name) const;

private:
    QString m_dataDir;
    int m_iterations;
};

} // namespace ow::account
