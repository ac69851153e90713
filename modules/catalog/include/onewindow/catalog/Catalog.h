#pragma once

#include "onewindow/catalog/Bundle.h"
#include "onewindow/catalog/Condition.h"
#include "onewindow/catalog/Department.h"
#include "onewindow/catalog/MaterialDef.h"
#include "onewindow/catalog/Matter.h"
#include "onewindow/catalog/MatterGroup.h"
#include "onewindow/catalog/Question.h"
#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow {

// The matter catalogue (实施清单 + 一件事 bundles), loaded from the JSON format documented in
// modules/catalog/README.md and checked completely at load time: every reference resolves, every
// condition parses against the questions it may use. A Catalog is an immutable value; copy it freely.
class Catalog
{
    Q_DECLARE_TR_FUNCTIONS(Catalog)

public:
    // Parses and validates. On failure the error lists every problem found, one per line, each
    // as "FILE: ENTRY: message" (FILE:LINE:COLUMN for JSON syntax errors). `fileName` only
    // labels the messages.
    static Result<Catalog> fromJson(const QByteArray &json, const QString &fileName);
    // Reads a file (or a Qt resource path such as ":/onewindow/catalog/demo.json").
    static Result<Catalog> load(const QString &path);
    // Like fromJson, but returns every problem separately (empty when the catalogue is valid).
    static QStringList validate(const QByteArray &json, const QString &fileName);

    // The cycles among `matters` through `produces` (A needs what B issues, B needs what A
    // issues, …): for each, the matter it starts at and the message naming it. Linear in the
    // matters' materials and products; the loader refuses a catalogue with any.
    static QList<QPair<QString, QString>> producesCycles(const QList<Matter> &matters);

    static QString builtinPath() { return QStringLiteral(":/onewindow/catalog/demo.json"); }

    const QString &version() const { return m_version; }
    // The exact bytes the catalogue was read from and their SHA-256 (hex): what a case pins.
    const QByteArray &source() const { return m_source; }
    const QString &sha256() const { return m_sha256; }
    const QString &region() const { return m_region; }
    const QList<Department> &departments() const { return m_departments; }
    // The matter groups in the catalogue's order (optional in the format): a hall's categories.
    const QList<MatterGroup> &groups() const { return m_groups; }
    const QList<Question> &questionList() const { return m_questionList; }
    const Condition::Questions &questions() const { return m_questions; }
    const QList<MaterialDef> &materials() const { return m_materials; }
    const QList<Matter> &matters() const { return m_matters; }
    const QList<Bundle> &bundles() const { return m_bundles; }

    const Department *department(const QString &id) const;
    const MaterialDef *material(const QString &id) const;
    const Matter *matter(const QString &code) const;
    const Bundle *bundle(const QString &id) const;
    const Question *question(const QString &id) const;

    // Turns a typed-in answer ("120", "yes", "company") into the value conditions expect.
    Result<QVariant> parseAnswer(const QString &questionId, const QString &text) const;

private:
    friend class CatalogReader;
    friend class CatalogCodec; // the binary cache (CatalogCache)
    friend class CatalogCache;

    QString m_version;
    QByteArray m_source;
    QString m_sha256;
    QString m_region;
    QList<Department> m_departments;
    QList<MatterGroup> m_groups;
    QList<Question> m_questionList;
    Condition::Questions m_questions;
    QList<MaterialDef> m_materials;
    QList<Matter> m_matters;
    QList<Bundle> m_bundles;
    QHash<QString, qsizetype> m_departmentIndex;
    QHash<QString, qsizetype> m_materialIndex;
    QHash<QString, qsizetype> m_matterIndex;
    QHash<QString, qsizetype> m_bundleIndex;
};

} // namespace ow
