#include "onewindow/catalog/CatalogCache.h"

#include "onewindow/core/Sha256.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSaveFile>

#include <cstring>
#include <type_traits>

namespace ow {

namespace {

constexpr char kMagic[8] = {'O', 'W', 'C', 'A', 'T', 'B', 'I', 'N'};
constexpr quint16 kByteOrder = 0xFEFF; // the cache is this machine's: written and read in its order
// magic, format, byte order, JSON SHA-256, payload length, payload SHA-256
constexpr qsizetype kHeaderSize = 8 + 4 + 2 + 32 + 8 + 32;
constexpr int kMaxConditionDepth = 4096; // the parser's text limit bounds any real tree far below
constexpr const char *kSuffix = ".owcat";

} // namespace

// Writes and reads the payload; a friend of Catalog and Condition (it sees their members).
class CatalogCodec
{
    Q_DECLARE_TR_FUNCTIONS(CatalogCache)

public:
    // ---- writing ----
    static QByteArray encode(const Catalog &c)
    {
        CatalogCodec w;
        w.str(c.m_version);
        w.str(c.m_region);
        w.u32(quint32(c.m_departments.size()));
        for (const Department &d : c.m_departments) {
            w.str(d.id);
            w.str(d.name);
        }
        w.u32(quint32(c.m_groups.size()));
        for (const MatterGroup &g : c.m_groups) {
            w.str(g.id);
            w.str(g.name);
        }
        w.u32(quint32(c.m_questionList.size()));
        for (const Question &q : c.m_questionList) {
            w.str(q.id);
            w.str(q.text);
            w.u8(quint8(q.type));
            w.str(q.unit);
            w.str(q.fromParty);
            w.u32(quint32(q.options.size()));
            for (const Question::Option &o : q.options) {
                w.str(o.value);
                w.str(o.label);
            }
        }
        w.u32(quint32(c.m_materials.size()));
        for (const MaterialDef &m : c.m_materials) {
            w.str(m.id);
            w.str(m.name);
            w.u8(quint8(m.source));
            w.u8(quint8(m.form));
            w.str(m.eLicence);
            w.str(m.blankForm);
            w.str(m.sample);
            w.str(m.howToSupply);
            w.u8(m.perParty ? 1 : 0);
        }
        w.u32(quint32(c.m_matters.size()));
        for (const Matter &m : c.m_matters) {
            w.str(m.code);
            w.str(m.name);
            w.str(m.department);
            w.str(m.group);
            w.u8(quint8(m.type));
            w.str(m.version);
            w.strs(m.aliases);
            w.u32(quint32(m.acceptanceConditions.size()));
            for (const AcceptanceCondition &ac : m.acceptanceConditions) {
                w.str(ac.text);
                w.condition(ac.check);
            }
            w.i32(m.statutoryDays);
            w.i32(m.promisedDays);
            w.f64(m.fee);
            w.i32(m.visits);
            w.u8(quint8(m.resultType));
            w.str(m.resultName);
            w.u8(m.courier ? 1 : 0);
            w.u8(m.township ? 1 : 0);
            w.u32(quint32(m.materials.size()));
            for (const MatterMaterial &mm : m.materials) {
                w.str(mm.material);
                w.u8(quint8(mm.necessity));
                w.condition(mm.when);
                w.i32(mm.originals);
                w.i32(mm.copies);
                w.u8(quint8(mm.mode));
                w.i32(mm.supplementDays);
            }
            w.strs(m.produces);
        }
        w.u32(quint32(c.m_bundles.size()));
        for (const Bundle &b : c.m_bundles) {
            w.str(b.id);
            w.str(b.name);
            w.strs(b.aliases);
            w.strs(b.questions);
            w.u32(quint32(b.items.size()));
            for (const BundleItem &item : b.items) {
                w.str(item.matter);
                w.condition(item.when);
                w.str(item.why);
            }
            w.strs(b.shared);
        }
        // The string table first (each distinct string once), then the entries referring to it.
        CatalogCodec table;
        table.u32(quint32(w.m_table.size()));
        for (const QString &s : std::as_const(w.m_table)) {
            table.u32(quint32(s.size()));
            table.m_out.append(reinterpret_cast<const char *>(s.utf16()), s.size() * 2);
        }
        return table.m_out + w.m_out;
    }

    // ---- reading ----
    explicit CatalogCodec(QByteArrayView in = {})
        : m_at(in.data())
        , m_end(in.data() + in.size())
        , m_begin(in.data())
    { }

    Result<Catalog> decode()
    {
        Catalog c;
        readTable();
        c.m_version = str();
        c.m_region = str();
        for (quint32 n = count(2 * 4), i = 0; ok() && i < n; ++i) {
            Department d;
            d.id = str();
            d.name = str();
            c.m_departments.append(std::move(d));
        }
        for (quint32 n = count(2 * 4), i = 0; ok() && i < n; ++i) {
            MatterGroup g;
            g.id = str();
            g.name = str();
            c.m_groups.append(std::move(g));
        }
        for (quint32 n = count(5 * 4 + 1), i = 0; ok() && i < n; ++i) {
            Question q;
            q.id = str();
            q.text = str();
            q.type = enumeration<Question::Type>(Question::Type::YesNo);
            q.unit = str();
            q.fromParty = str();
            for (quint32 k = count(2 * 4), j = 0; ok() && j < k; ++j) {
                Question::Option o;
                o.value = str();
                o.label = str();
                q.options.append(std::move(o));
            }
            c.m_questionList.append(std::move(q));
        }
        for (quint32 n = count(6 * 4 + 3), i = 0; ok() && i < n; ++i) {
            MaterialDef m;
            m.id = str();
            m.name = str();
            m.source = enumeration<MaterialDef::Source>(MaterialDef::Source::Other);
            m.form = enumeration<MaterialDef::Form>(MaterialDef::Form::PaperOrElectronic);
            m.eLicence = str();
            m.blankForm = str();
            m.sample = str();
            m.howToSupply = str();
            m.perParty = flag();
            c.m_materials.append(std::move(m));
        }
        const quint32 matters = count(40);
        c.m_matters.reserve(matters);
        for (quint32 i = 0; ok() && i < matters; ++i) {
            Matter m;
            m.code = str();
            m.name = str();
            m.department = str();
            m.group = str();
            m.type = enumeration<Matter::Type>(Matter::Type::Other);
            m.version = str();
            m.aliases = strs();
            for (quint32 n = count(4 + 8), j = 0; ok() && j < n; ++j) {
                AcceptanceCondition ac;
                ac.text = str();
                ac.check = condition();
                m.acceptanceConditions.append(std::move(ac));
            }
            m.statutoryDays = i32();
            m.promisedDays = i32();
            m.fee = f64();
            m.visits = i32();
            m.resultType = enumeration<Matter::ResultType>(Matter::ResultType::Other);
            m.resultName = str();
            m.courier = flag();
            m.township = flag();
            const quint32 materials = count(4 + 1 + 8 + 4 * 3 + 1);
            m.materials.reserve(materials);
            for (quint32 j = 0; ok() && j < materials; ++j) {
                MatterMaterial mm;
                mm.material = str();
                mm.necessity = enumeration<MatterMaterial::Necessity>(MatterMaterial::Necessity::Tolerable);
                mm.when = condition();
                mm.originals = i32();
                mm.copies = i32();
                mm.mode = enumeration<AcceptanceMode>(AcceptanceMode::KeepOriginalAndCopy);
                mm.supplementDays = i32();
                m.materials.append(std::move(mm));
            }
            m.produces = strs();
            c.m_matters.append(std::move(m));
        }
        for (quint32 n = count(6 * 4), i = 0; ok() && i < n; ++i) {
            Bundle b;
            b.id = str();
            b.name = str();
            b.aliases = strs();
            b.questions = strs();
            for (quint32 k = count(4 + 8 + 4), j = 0; ok() && j < k; ++j) {
                BundleItem item;
                item.matter = str();
                item.when = condition();
                item.why = str();
                b.items.append(std::move(item));
            }
            b.shared = strs();
            c.m_bundles.append(std::move(b));
        }
        if (ok() && m_at != m_end)
            fail();
        if (!ok())
            return Result<Catalog>::failure(tr("the cache is corrupt at byte %1").arg(m_failedAt));
        return index(std::move(c));
    }

private:
    // ---- writing helpers ----
    void raw(const void *p, qsizetype n) { m_out.append(static_cast<const char *>(p), n); }
    void u8(quint8 v) { raw(&v, 1); }
    void u32(quint32 v) { raw(&v, 4); }
    void i32(qint32 v) { raw(&v, 4); }
    void f64(double v) { raw(&v, 8); }
    void str(const QString &s)
    {
        const auto it = m_ids.constFind(s);
        if (it != m_ids.constEnd()) {
            u32(it.value());
            return;
        }
        const quint32 id = quint32(m_table.size());
        m_ids.insert(s, id);
        m_table.append(s);
        u32(id);
    }
    void strs(const QStringList &list)
    {
        u32(quint32(list.size()));
        for (const QString &s : list)
            str(s);
    }
    void variant(const QVariant &v)
    {
        switch (v.typeId()) {
        case QMetaType::Double:
            u8(1);
            f64(v.toDouble());
            break;
        case QMetaType::QString:
            u8(2);
            str(v.toString());
            break;
        case QMetaType::Bool:
            u8(3);
            u8(v.toBool() ? 1 : 0);
            break;
        default: u8(0); break;
        }
    }
    void condition(const Condition &c)
    {
        str(c.m_text);
        i32(c.m_root);
        u32(quint32(c.m_nodes.size()));
        for (const Condition::Node &n : c.m_nodes) {
            u8(quint8(n.kind));
            u8(n.constant ? 1 : 0);
            u8(quint8(n.type));
            str(n.question);
            u8(quint8(n.op));
            variant(n.literal);
            u32(quint32(n.set.size()));
            for (const QVariant &v : n.set)
                variant(v);
            u8(n.negatedIn ? 1 : 0);
            i32(n.left);
            i32(n.right);
        }
    }

    // ---- reading helpers ----
    bool ok() const { return !m_failed; }
    void fail()
    {
        if (!m_failed)
            m_failedAt = qint64(m_at - m_begin);
        m_failed = true;
        m_at = m_end;
    }
    bool take(void *p, qsizetype n)
    {
        if (m_failed || m_end - m_at < n) {
            fail();
            std::memset(p, 0, size_t(n));
            return false;
        }
        std::memcpy(p, m_at, size_t(n));
        m_at += n;
        return true;
    }
    quint8 u8()
    {
        quint8 v = 0;
        take(&v, 1);
        return v;
    }
    quint32 u32()
    {
        quint32 v = 0;
        take(&v, 4);
        return v;
    }
    qint32 i32()
    {
        qint32 v = 0;
        take(&v, 4);
        return v;
    }
    double f64()
    {
        double v = 0;
        take(&v, 8);
        return v;
    }
    bool flag()
    {
        const quint8 v = u8();
        if (v > 1)
            fail();
        return v == 1;
    }
    // A count of entries each at least `minBytes` long: more than the bytes left is corrupt
    // (so no huge allocation comes from a damaged count).
    quint32 count(qsizetype minBytes)
    {
        const quint32 n = u32();
        if (ok() && qsizetype(n) > (m_end - m_at) / qMax<qsizetype>(1, minBytes))
            fail();
        return ok() ? n : 0;
    }
    template<typename E>
    E enumeration(E last)
    {
        const quint8 v = u8();
        if (v > quint8(last)) {
            fail();
            return E {};
        }
        return E(v);
    }
    void readTable()
    {
        const quint32 n = count(4);
        m_table.reserve(n);
        for (quint32 i = 0; ok() && i < n; ++i) {
            const quint32 length = u32();
            if (!ok() || qsizetype(length) > (m_end - m_at) / 2) {
                fail();
                break;
            }
            QString s(qsizetype(length), Qt::Uninitialized);
            std::memcpy(s.data(), m_at, size_t(length) * 2);
            m_at += qsizetype(length) * 2;
            m_table.append(std::move(s));
        }
    }
    QString str()
    {
        const quint32 id = u32();
        if (!ok() || id >= quint32(m_table.size())) {
            fail();
            return {};
        }
        return m_table.at(id);
    }
    QStringList strs()
    {
        QStringList out;
        for (quint32 n = count(4), i = 0; ok() && i < n; ++i)
            out.append(str());
        return out;
    }
    QVariant variant()
    {
        switch (u8()) {
        case 0: return {};
        case 1: return QVariant(f64());
        case 2: return QVariant(str());
        case 3: return QVariant(flag());
        default: fail(); return {};
        }
    }
    Condition condition()
    {
        Condition c;
        c.m_text = str();
        c.m_root = i32();
        const quint32 n = count(1 + 1 + 1 + 4 + 1 + 1 + 4 + 1 + 4 + 4);
        c.m_nodes.reserve(n);
        std::vector<int> depth;
        depth.reserve(n);
        for (quint32 i = 0; ok() && i < n; ++i) {
            Condition::Node node;
            node.kind = enumeration<Condition::Node::Kind>(Condition::Node::Kind::Or);
            node.constant = flag();
            node.type = enumeration<Question::Type>(Question::Type::YesNo);
            node.question = str();
            node.op = enumeration<Condition::Op>(Condition::Op::Ge);
            node.literal = variant();
            for (quint32 k = count(1), j = 0; ok() && j < k; ++j)
                node.set.append(variant());
            node.negatedIn = flag();
            node.left = i32();
            node.right = i32();
            // Children come before their parent (as the parser adds them): no cycles, and the
            // nodes an operator needs are there.
            const int self = int(i);
            const auto child = [&](int index) { return index >= 0 && index < self; };
            using Kind = Condition::Node::Kind;
            const bool binary = node.kind == Kind::And || node.kind == Kind::Or;
            const bool leaf = node.kind == Kind::Constant || node.kind == Kind::IsYes || node.kind == Kind::Compare
                || node.kind == Kind::In;
            if ((binary && (!child(node.left) || !child(node.right))) || (node.kind == Kind::Not && !child(node.left))
                || (leaf && node.kind != Kind::Constant && node.question.isEmpty())) {
                fail();
                break;
            }
            int d = 1;
            if (!leaf)
                d = 1 + qMax(depth[size_t(node.left)], binary ? depth[size_t(node.right)] : 0);
            if (d > kMaxConditionDepth) {
                fail();
                break;
            }
            depth.push_back(d);
            c.m_nodes.push_back(std::move(node));
        }
        if (ok() && (c.m_nodes.empty() ? c.m_root != -1 : (c.m_root < 0 || c.m_root >= int(c.m_nodes.size()))))
            fail();
        return ok() ? c : Condition();
    }

    // The lookups of the catalogue, and every reference checked as the loader does (a cache is
    // only written for a valid catalogue; this keeps a damaged one from pointing nowhere).
    Result<Catalog> index(Catalog c)
    {
        using R = Result<Catalog>;
        const auto unknown = [](const QString &id) {
            return R::failure(tr("the cache refers to an unknown entry \"%1\"").arg(id));
        };
        c.m_departmentIndex.reserve(c.m_departments.size());
        for (qsizetype i = 0; i < c.m_departments.size(); ++i)
            c.m_departmentIndex.insert(c.m_departments.at(i).id, i);
        c.m_questions.reserve(c.m_questionList.size());
        for (const Question &q : std::as_const(c.m_questionList))
            c.m_questions.insert(q.id, q);
        c.m_materialIndex.reserve(c.m_materials.size());
        for (qsizetype i = 0; i < c.m_materials.size(); ++i)
            c.m_materialIndex.insert(c.m_materials.at(i).id, i);
        c.m_matterIndex.reserve(c.m_matters.size());
        for (qsizetype i = 0; i < c.m_matters.size(); ++i) {
            const Matter &m = c.m_matters.at(i);
            c.m_matterIndex.insert(m.code, i);
            if (!c.m_departmentIndex.contains(m.department))
                return unknown(m.department);
            for (const MatterMaterial &mm : m.materials) {
                if (!c.m_materialIndex.contains(mm.material))
                    return unknown(mm.material);
            }
            for (const QString &p : m.produces) {
                if (!c.m_materialIndex.contains(p))
                    return unknown(p);
            }
        }
        c.m_bundleIndex.reserve(c.m_bundles.size());
        for (qsizetype i = 0; i < c.m_bundles.size(); ++i) {
            const Bundle &b = c.m_bundles.at(i);
            c.m_bundleIndex.insert(b.id, i);
            for (const BundleItem &item : b.items) {
                if (!c.m_matterIndex.contains(item.matter))
                    return unknown(item.matter);
            }
            for (const QString &q : b.questions) {
                if (!c.m_questions.contains(q))
                    return unknown(q);
            }
            for (const QString &s : b.shared) {
                if (!c.m_materialIndex.contains(s))
                    return unknown(s);
            }
        }
        if (c.m_matters.isEmpty())
            return R::failure(tr("the cache holds no matters"));
        return R(std::move(c)); // moved: C++17 would copy it into the Result
    }

    QByteArray m_out;
    QHash<QString, quint32> m_ids;
    QList<QString> m_table;
    const char *m_at = nullptr;
    const char *m_end = nullptr;
    const char *m_begin = nullptr;
    bool m_failed = false;
    qint64 m_failedAt = 0;
};

CatalogCache::CatalogCache(QString directory)
    : m_directory(std::move(directory))
{ }

QString CatalogCache::fileFor(const QString &sha256) const
{
    return QDir(m_directory).filePath(QStringLiteral("catalogue-") + sha256 + QLatin1String(kSuffix));
}

QByteArray CatalogCache::encode(const Catalog &catalog)
{
    const QByteArray payload = CatalogCodec::encode(catalog);
    QByteArray out;
    out.reserve(kHeaderSize + payload.size());
    out.append(kMagic, sizeof kMagic);
    const quint32 format = kFormat;
    out.append(reinterpret_cast<const char *>(&format), 4);
    out.append(reinterpret_cast<const char *>(&kByteOrder), 2);
    const QByteArray source = QByteArray::fromHex(catalog.sha256().toLatin1());
    out.append(source.leftJustified(Sha256::kLength, '\0', true));
    const quint64 length = quint64(payload.size());
    out.append(reinterpret_cast<const char *>(&length), 8);
    out.append(Sha256::hash(payload));
    out.append(payload);
    return out;
}

Result<Catalog> CatalogCache::decode(const QByteArray &cache, const QByteArray &source, const QString &sha256)
{
    using R = Result<Catalog>;
    if (cache.size() < kHeaderSize || std::memcmp(cache.constData(), kMagic, sizeof kMagic) != 0)
        return R::failure(tr("not a catalogue cache file"));
    quint32 format = 0;
    quint16 order = 0;
    quint64 length = 0;
    std::memcpy(&format, cache.constData() + 8, 4);
    std::memcpy(&order, cache.constData() + 12, 2);
    if (format != kFormat || order != kByteOrder)
        return R::failure(tr("written by another version of the program"));
    if (cache.mid(14, 32) != QByteArray::fromHex(sha256.toLatin1()))
        return R::failure(tr("made for another catalogue"));
    std::memcpy(&length, cache.constData() + 46, 8);
    const QByteArrayView payload = QByteArrayView(cache).sliced(kHeaderSize);
    if (length != quint64(payload.size()))
        return R::failure(tr("truncated or with bytes appended"));
    if (Sha256::hash(payload) != QByteArrayView(cache).sliced(54, 32))
        return R::failure(tr("its digest does not match its content (the file is damaged)"));
    auto decoded = decodePayload(payload);
    if (!decoded)
        return decoded;
    decoded.value().m_source = source;
    decoded.value().m_sha256 = sha256;
    return decoded;
}

Result<Catalog> CatalogCache::decodePayload(QByteArrayView payload)
{
    CatalogCodec reader(payload);
    return reader.decode();
}

Result<CatalogCache::Loaded> CatalogCache::load(const QString &path) const
{
    using R = Result<Loaded>;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return R::failure(Catalog::tr("%1: cannot read the catalogue: %2").arg(path, f.errorString()));
    const QByteArray json = f.readAll();
    f.close();
    const QString sha = Sha256::hex(json);
    const QString file = fileFor(sha);
    QString note;
    QFile cached(file);
    if (cached.open(QIODevice::ReadOnly)) {
        auto decoded = decode(cached.readAll(), json, sha);
        if (decoded)
            return Loaded {std::move(decoded.value()), Source::Cache, QString()};
        note = tr("the catalogue cache %1 was not usable (%2); it is rebuilt").arg(file, decoded.error());
    } else if (cached.exists()) {
        note = tr("the catalogue cache %1 cannot be read (%2); it is rebuilt").arg(file, cached.errorString());
    } else {
        note = tr("no catalogue cache for %1 yet; it is built").arg(sha.left(12));
    }
    auto parsed = Catalog::fromJson(json, path);
    if (!parsed)
        return R::failure(parsed.error());
    // Written for the next start; a cache that cannot be written only costs that start time.
    QDir dir(m_directory);
    QSaveFile out(file);
    if (!dir.mkpath(QStringLiteral(".")) || !out.open(QIODevice::WriteOnly) || out.write(encode(parsed.value())) < 0
        || !out.commit()) {
        note += u'\n' + tr("the catalogue cache %1 cannot be written: %2").arg(file, out.errorString());
    } else {
        // One catalogue's cache at a time: the older ones are for catalogues no longer used.
        const QStringList others = dir.entryList({QStringLiteral("catalogue-*") + QLatin1String(kSuffix)}, QDir::Files);
        for (const QString &other : others) {
            if (dir.filePath(other) != file)
                dir.remove(other);
        }
    }
    return Loaded {std::move(parsed.value()), Source::Json, note};
}

} // namespace ow
