#include "report_html.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_html.h"
#include "timefmt.h"

/* The report's words in each language; the numbers and the core's own texts go in between. */
typedef struct words {
    const char *lang, *decimal;
    const char *title, *checked, *followers_count, *followers_h, *real, *inactive, *fake, *interval, *share_h;
    const char *sample_n, *sample_kind, *too_few, *reach_h, *reach_value, *reach_of, *unknown;
    const char *engagement_h, *engagement_rate, *engagement_typical, *engagement_none;
    const char *factory_h, *factory_dated, *factory_in_runs, *created_from, *created_to, *members, *factory_none;
    const char *profile_h, *profile_verdict, *profile_fake, *reasons_h, *no_profile;
    const char *history_h, *history_none, *method_h, *method_text, *model, *method_core, *sensitivity, *specificity;
    const char *inputs_h, *inputs_text, *file, *bytes;
    const char *compare_title, *account, *date;
} words;

static const words WORDS[] = {
    {"en", ".", "Follower vetting report", "Checked", "Followers on the profile", "Followers", "Real", "Inactive", "Fake",
     "90% interval", "Share of followers",
     "Followers read", "Which followers", "Too few followers were read for an estimate.", "True reach",
     "Real, active followers", "of", "unknown",
     "Engagement", "Engagement rate", "Typical for accounts of this size", "Not measured in these inputs.",
     "Follower Factory", "Followers with a known creation date", "Created in runs of accounts made together",
     "Created from", "Created to", "Accounts", "No run of accounts created together.",
     "The profile itself", "Verdict", "Chance the profile is fake", "Why", "The inputs hold no profile of this account.",
     "History", "The saved inputs hold no earlier checks.", "Method",
     "Each follower read is scored by a trained model. The shares are corrected for the model's measured error rates, "
     "and each comes with a 90% interval: the true share lies inside it in 9 cases out of 10, counting both the "
     "sampling and the model's errors.",
     "Model", "Method, as the core names it", "Sensitivity", "Specificity",
     "Inputs", "The same numbers come out of truefollow audit with these files:", "File", "Bytes",
     "Vetting list report", "Account", "Date"},
    {"de", ",", "Prüfbericht zu Followern", "Geprüft", "Follower laut Profil", "Follower", "Echt", "Inaktiv", "Gefälscht",
     "90-%-Intervall", "Anteil der Follower",
     "Gelesene Follower", "Welche Follower", "Es wurden zu wenige Follower für eine Schätzung gelesen.", "Echte Reichweite",
     "Echte, aktive Follower", "von", "unbekannt",
     "Interaktion", "Interaktionsrate", "Üblich für Konten dieser Größe", "In diesen Eingaben nicht gemessen.",
     "Follower-Fabrik", "Follower mit bekanntem Erstellungsdatum", "In Gruppen zusammen angelegter Konten erstellt",
     "Erstellt ab", "Erstellt bis", "Konten", "Keine Gruppe zusammen angelegter Konten.",
     "Das Profil selbst", "Urteil", "Wahrscheinlichkeit, dass das Profil gefälscht ist", "Warum",
     "Die Eingaben enthalten kein Profil dieses Kontos.",
     "Verlauf", "Die gespeicherten Eingaben enthalten keine früheren Prüfungen.", "Methode",
     "Jeder gelesene Follower wird von einem trainierten Modell bewertet. Die Anteile sind um die gemessenen "
     "Fehlerraten des Modells korrigiert, und jeder hat ein 90-%-Intervall: Der wahre Anteil liegt in 9 von 10 Fällen "
     "darin, Stichprobe und Fehler des Modells eingerechnet.",
     "Modell", "Methode, wie der Kern sie nennt", "Sensitivität", "Spezifität",
     "Eingaben", "Dieselben Zahlen ergibt truefollow audit mit diesen Dateien:", "Datei", "Bytes",
     "Bericht zur Prüfliste", "Konto", "Datum"},
    {"es", ",", "Informe de verificación de seguidores", "Comprobado", "Seguidores según el perfil", "Seguidores", "Reales",
     "Inactivos", "Falsos", "intervalo del 90 %", "Proporción de seguidores",
     "Seguidores leídos", "Qué seguidores", "Se leyeron muy pocos seguidores para una estimación.", "Alcance real",
     "Seguidores reales y activos", "de", "desconocido",
     "Interacción", "Tasa de interacción", "Habitual en cuentas de este tamaño", "No medida en estos datos.",
     "Fábrica de seguidores", "Seguidores con fecha de creación conocida", "Creados en grupos de cuentas hechas a la vez",
     "Creadas desde", "Creadas hasta", "Cuentas", "Ningún grupo de cuentas creadas a la vez.",
     "El propio perfil", "Veredicto", "Probabilidad de que el perfil sea falso", "Por qué",
     "Los datos no contienen el perfil de esta cuenta.",
     "Historial", "Los datos guardados no contienen comprobaciones anteriores.", "Método",
     "Cada seguidor leído se evalúa con un modelo entrenado. Las proporciones se corrigen según las tasas de error "
     "medidas del modelo, y cada una lleva un intervalo del 90 %: la proporción real está dentro en 9 de cada 10 casos, "
     "contando el muestreo y los errores del modelo.",
     "Modelo", "Método, como lo nombra el núcleo", "Sensibilidad", "Especificidad",
     "Datos de entrada", "truefollow audit da las mismas cifras con estos archivos:", "Archivo", "Bytes",
     "Informe de la lista de verificación", "Cuenta", "Fecha"},
    {"fr", ",", "Rapport de vérification des abonnés", "Vérifié le", "Abonnés selon le profil", "Abonnés", "Réels",
     "Inactifs", "Faux", "intervalle à 90 %", "Part des abonnés",
     "Abonnés lus", "Quels abonnés", "Trop peu d'abonnés ont été lus pour une estimation.", "Portée réelle",
     "Abonnés réels et actifs", "sur", "inconnu",
     "Engagement", "Taux d'engagement", "Habituel pour les comptes de cette taille", "Non mesuré dans ces données.",
     "Usine à abonnés", "Abonnés dont la date de création est connue", "Créés en séries de comptes faits ensemble",
     "Créés à partir du", "Créés jusqu'au", "Comptes", "Aucune série de comptes créés ensemble.",
     "Le profil lui-même", "Verdict", "Probabilité que le profil soit faux", "Pourquoi",
     "Les données ne contiennent pas le profil de ce compte.",
     "Historique", "Les données enregistrées ne contiennent aucune vérification antérieure.", "Méthode",
     "Chaque abonné lu est évalué par un modèle entraîné. Les parts sont corrigées des taux d'erreur mesurés du modèle, "
     "et chacune a un intervalle à 90 % : la vraie part s'y trouve dans 9 cas sur 10, en comptant l'échantillonnage et "
     "les erreurs du modèle.",
     "Modèle", "Méthode, telle que le cœur la nomme", "Sensibilité", "Spécificité",
     "Données d'entrée", "truefollow audit donne les mêmes chiffres avec ces fichiers :", "Fichier", "Octets",
     "Rapport de la liste de vérification", "Compte", "Date"},
    {"pt_BR", ",", "Relatório de verificação de seguidores", "Verificado em", "Seguidores segundo o perfil", "Seguidores",
     "Reais", "Inativos", "Falsos", "intervalo de 90%", "Parcela dos seguidores",
     "Seguidores lidos", "Quais seguidores", "Poucos seguidores foram lidos para uma estimativa.", "Alcance real",
     "Seguidores reais e ativos", "de", "desconhecido",
     "Engajamento", "Taxa de engajamento", "Típica para contas deste tamanho", "Não medido nestes dados.",
     "Fábrica de seguidores", "Seguidores com data de criação conhecida", "Criados em grupos de contas feitas juntas",
     "Criadas a partir de", "Criadas até", "Contas", "Nenhum grupo de contas criadas juntas.",
     "O próprio perfil", "Veredito", "Chance de o perfil ser falso", "Por quê",
     "Os dados não contêm o perfil desta conta.",
     "Histórico", "Os dados salvos não contêm verificações anteriores.", "Método",
     "Cada seguidor lido é avaliado por um modelo treinado. As parcelas são corrigidas pelas taxas de erro medidas do "
     "modelo, e cada uma tem um intervalo de 90%: a parcela verdadeira fica dentro dele em 9 de cada 10 casos, contando "
     "a amostragem e os erros do modelo.",
     "Modelo", "Método, como o núcleo o chama", "Sensibilidade", "Especificidade",
     "Dados de entrada", "O truefollow audit dá os mesmos números com estes arquivos:", "Arquivo", "Bytes",
     "Relatório da lista de verificação", "Conta", "Data"},
    {"ja", ".", "フォロワー審査レポート", "確認日時", "プロフィール上のフォロワー数", "フォロワー", "本物", "非アクティブ", "偽物",
     "90%区間", "フォロワーの割合",
     "読み込んだフォロワー", "対象のフォロワー", "推定するには読み込んだフォロワーが少なすぎます。", "実質リーチ",
     "本物で活動中のフォロワー", "／", "不明",
     "エンゲージメント", "エンゲージメント率", "同規模アカウントの標準", "この入力では測定されていません。",
     "フォロワー工場", "作成日が分かるフォロワー", "まとめて作られたアカウント群に属する",
     "作成日（開始）", "作成日（終了）", "アカウント数", "まとめて作られたアカウント群はありません。",
     "プロフィール自体", "判定", "プロフィールが偽物である確率", "理由", "入力にこのアカウントのプロフィールはありません。",
     "履歴", "保存された入力に過去のチェックはありません。", "方法",
     "読み込んだフォロワーはそれぞれ学習済みモデルで評価されます。割合はモデルの測定済みの誤り率で補正され、"
     "それぞれに90%区間が付きます。サンプリングとモデルの誤りを含めて、真の割合は10回中9回この区間に入ります。",
     "モデル", "コアによる方法の名称", "感度", "特異度",
     "入力", "これらのファイルで truefollow audit を実行すると同じ数値になります：", "ファイル", "バイト",
     "審査リストのレポート", "アカウント", "日付"},
};

static const words *words_for(const char *lang)
{
    for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++)
        if (lang && strcmp(lang, WORDS[i].lang) == 0)
            return &WORDS[i];
    for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++) /* "pt" or "pt-BR" for pt_BR, "de-AT" for de */
        if (lang && strncmp(lang, WORDS[i].lang, 2) == 0)
            return &WORDS[i];
    return &WORDS[0];
}

/* A number of the core's reports: a JSON number, or raw digits (how the core writes whole numbers exactly). */
static double number_of(const cJSON *item)
{
    if (cJSON_IsNumber(item))
        return item->valuedouble;
    if (cJSON_IsRaw(item) && item->valuestring) {
        char *end;
        double value = strtod(item->valuestring, &end);
        return *end == '\0' && end != item->valuestring ? value : NAN;
    }
    return NAN;
}

static double number_at(const cJSON *object, const char *key)
{
    return number_of(cJSON_GetObjectItemCaseSensitive(object, key));
}

static const char *string_at(const cJSON *object, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

static double element_at(const cJSON *array, int index)
{
    return number_of(cJSON_GetArrayItem(array, index));
}

/* A number in the language's notation: the decimal mark swapped where it is a comma. */
static void number_text(tf_doc *h, const words *w, const char *format, double value)
{
    char text[64];
    snprintf(text, sizeof text, format, value);
    if (w->decimal[0] != '.')
        for (char *p = text; *p; p++)
            if (*p == '.')
                *p = w->decimal[0];
    tf_doc_text(h, text);
}

static void percent(tf_doc *h, const words *w, double share)
{
    if (!isfinite(share)) {
        tf_doc_text(h, w->unknown);
        return;
    }
    number_text(h, w, share < 0.1 ? "%.1f" : "%.0f", 100 * share);
    tf_doc_text(h, "%");
}

static void count(tf_doc *h, const words *w, double value)
{
    if (!isfinite(value)) {
        tf_doc_text(h, w->unknown);
        return;
    }
    tf_doc_textf(h, "%.0f", value);
}

static void term(tf_doc *h, const char *name)
{
    TF_DOC_MARKUP(h, "<dt>");
    tf_doc_text(h, name);
    TF_DOC_MARKUP(h, "</dt><dd>");
}

/* One row of the shares chart: the share as a bar, its 90% interval as a line across it, and both in words. */
static void share_row(tf_doc *h, const words *w, const char *label, const char *kind, const cJSON *part)
{
    double share = number_at(part, "share");
    const cJSON *ci = cJSON_GetObjectItemCaseSensitive(part, "ci90");
    double low = element_at(ci, 0), high = element_at(ci, 1);
    TF_DOC_MARKUP(h, "<tr><th scope=\"row\">");
    tf_doc_text(h, label);
    TF_DOC_MARKUP(h, "</th><td class=\"chart\"><div class=\"track\" aria-hidden=\"true\">");
    if (isfinite(share)) {
        TF_DOC_MARKUP(h, "<div class=\"bar ");
        tf_doc_text(h, kind);
        TF_DOC_MARKUP(h, "\" style=\"width:");
        tf_doc_textf(h, "%.2f", 100 * share);
        TF_DOC_MARKUP(h, "%\"></div>");
    }
    if (isfinite(low) && isfinite(high)) {
        TF_DOC_MARKUP(h, "<div class=\"ci\" style=\"left:");
        tf_doc_textf(h, "%.2f", 100 * low);
        TF_DOC_MARKUP(h, "%;width:");
        tf_doc_textf(h, "%.2f", 100 * (high - low));
        TF_DOC_MARKUP(h, "%\"></div>");
    }
    TF_DOC_MARKUP(h, "</div></td><td class=\"value\" data-share=\"");
    tf_doc_text(h, kind);
    TF_DOC_MARKUP(h, "\" data-value=\"");
    tf_doc_textf(h, "%.6g", share);
    TF_DOC_MARKUP(h, "\">");
    percent(h, w, share);
    TF_DOC_MARKUP(h, " <span class=\"ci-text\">(");
    tf_doc_text(h, w->interval);
    tf_doc_text(h, " ");
    percent(h, w, low);
    tf_doc_text(h, "–");
    percent(h, w, high);
    TF_DOC_MARKUP(h, ")</span></td></tr>\n");
}

/* The document's only styles: screen and print (A4, sections kept whole, the bars' colours printed). */
static void style(tf_doc *h)
{
    TF_DOC_MARKUP(h,
    "<style>\n"
    ":root{color-scheme:light;--real:#1d4ed8;--inactive:#6b7280;--fake:#c2410c;--ink:#111827;--muted:#4b5563}\n"
    "body{font:15px/1.5 system-ui,sans-serif;color:var(--ink);background:#fff;margin:0}\n"
    "main{max-width:46rem;margin:2rem auto;padding:0 1.5rem}\n"
    "h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:1.8rem 0 .5rem;border-bottom:1px solid #d1d5db}\n"
    ".sub{color:var(--muted);margin:0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}\n"
    "dt{font-weight:600}dd{margin:0}table{border-collapse:collapse;width:100%}\n"
    "th,td{text-align:left;padding:.3rem .5rem .3rem 0;vertical-align:middle}\n"
    ".runs th,.runs td,.inputs th,.inputs td{border-bottom:1px solid #e5e7eb}\n"
    ".chart{width:45%}.track{position:relative;height:1.1rem;background:#e5e7eb;border-radius:3px}\n"
    ".bar{position:absolute;left:0;top:0;bottom:0;border-radius:3px}.bar.real{background:var(--real)}\n"
    ".bar.inactive{background:var(--inactive)}.bar.fake{background:var(--fake)}\n"
    ".ci{position:absolute;top:40%;height:20%;background:#111827}\n"
    ".value{white-space:nowrap}.ci-text{color:var(--muted)}.note{color:var(--muted)}\n"
    ".hash{font-family:ui-monospace,monospace;font-size:.8rem;word-break:break-all}\n"
    "code{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all}\n"
    "@page{size:A4;margin:16mm}\n"
    "@media print{main{margin:0;max-width:none;padding:0}section{break-inside:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
    "</style>\n");
}

static void shares_section(tf_doc *h, const words *w, const cJSON *audit)
{
    TF_DOC_MARKUP(h, "<section aria-labelledby=\"shares\"><h2 id=\"shares\">");
    tf_doc_text(h, w->followers_h);
    TF_DOC_MARKUP(h, "</h2>\n<table class=\"shares\"><caption class=\"note\">");
    tf_doc_text(h, w->share_h);
    tf_doc_text(h, ", ");
    tf_doc_text(h, w->interval);
    TF_DOC_MARKUP(h, "</caption>\n");
    share_row(h, w, w->real, "real", cJSON_GetObjectItemCaseSensitive(audit, "real"));
    share_row(h, w, w->inactive, "inactive", cJSON_GetObjectItemCaseSensitive(audit, "inactive"));
    share_row(h, w, w->fake, "fake", cJSON_GetObjectItemCaseSensitive(audit, "fake"));
    TF_DOC_MARKUP(h, "</table>\n<dl>");
    term(h, w->sample_n);
    count(h, w, number_at(audit, "n"));
    TF_DOC_MARKUP(h, "</dd>");
    if (string_at(audit, "sample")) {
        term(h, w->sample_kind);
        tf_doc_text(h, string_at(audit, "sample"));
        TF_DOC_MARKUP(h, "</dd>");
    }
    TF_DOC_MARKUP(h, "</dl>\n");
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(audit, "too_few"))) {
        TF_DOC_MARKUP(h, "<p><strong>");
        tf_doc_text(h, w->too_few);
        TF_DOC_MARKUP(h, "</strong></p>\n");
    }
    TF_DOC_MARKUP(h, "</section>\n");
}

static void reach_and_engagement(tf_doc *h, const words *w, const cJSON *audit)
{
    const cJSON *reach = cJSON_GetObjectItemCaseSensitive(audit, "reach");
    TF_DOC_MARKUP(h, "<section aria-labelledby=\"reach\"><h2 id=\"reach\">");
    tf_doc_text(h, w->reach_h);
    TF_DOC_MARKUP(h, "</h2><dl>");
    term(h, w->reach_value);
    if (cJSON_IsObject(reach)) {
        const cJSON *ci = cJSON_GetObjectItemCaseSensitive(reach, "ci90");
        TF_DOC_MARKUP(h, "<span data-reach=\"");
        tf_doc_textf(h, "%.0f", number_at(reach, "value"));
        TF_DOC_MARKUP(h, "\">");
        count(h, w, number_at(reach, "value"));
        TF_DOC_MARKUP(h, "</span> (");
        tf_doc_text(h, w->interval);
        tf_doc_text(h, " ");
        count(h, w, element_at(ci, 0));
        tf_doc_text(h, "–");
        count(h, w, element_at(ci, 1));
        tf_doc_text(h, ") ");
        tf_doc_text(h, w->reach_of);
        tf_doc_text(h, " ");
        count(h, w, number_at(reach, "followers"));
    } else {
        tf_doc_text(h, w->unknown);
    }
    TF_DOC_MARKUP(h, "</dd></dl></section>\n<section aria-labelledby=\"engagement\"><h2 id=\"engagement\">");
    tf_doc_text(h, w->engagement_h);
    TF_DOC_MARKUP(h, "</h2>");
    const cJSON *engagement = cJSON_GetObjectItemCaseSensitive(audit, "engagement");
    double rate = number_at(engagement, "rate");
    if (isfinite(rate)) {
        TF_DOC_MARKUP(h, "<dl>");
        term(h, w->engagement_rate);
        number_text(h, w, "%.2f", 100 * rate);
        tf_doc_text(h, "%");
        TF_DOC_MARKUP(h, "</dd>");
        double typical = number_at(engagement, "tier_typical");
        if (isfinite(typical)) {
            term(h, w->engagement_typical);
            number_text(h, w, "%.2f", 100 * typical);
            tf_doc_text(h, "%");
            TF_DOC_MARKUP(h, "</dd>");
        }
        TF_DOC_MARKUP(h, "</dl>");
    } else {
        TF_DOC_MARKUP(h, "<p class=\"note\">");
        tf_doc_text(h, w->engagement_none);
        TF_DOC_MARKUP(h, "</p>");
    }
    TF_DOC_MARKUP(h, "</section>\n");
}

static void factory_section(tf_doc *h, const words *w, const cJSON *audit)
{
    const cJSON *factory = cJSON_GetObjectItemCaseSensitive(audit, "factory");
    double dated = number_at(factory, "dated"), in_runs = number_at(factory, "in_runs");
    TF_DOC_MARKUP(h, "<section aria-labelledby=\"factory\"><h2 id=\"factory\">");
    tf_doc_text(h, w->factory_h);
    TF_DOC_MARKUP(h, "</h2><dl>");
    term(h, w->factory_dated);
    count(h, w, dated);
    TF_DOC_MARKUP(h, "</dd>");
    term(h, w->factory_in_runs);
    count(h, w, in_runs);
    if (isfinite(dated) && dated > 0 && isfinite(in_runs)) {
        tf_doc_text(h, " (");
        percent(h, w, in_runs / dated);
        tf_doc_text(h, ")");
    }
    TF_DOC_MARKUP(h, "</dd></dl>\n");
    const cJSON *runs = cJSON_GetObjectItemCaseSensitive(factory, "runs");
    if (cJSON_GetArraySize(runs) == 0) {
        TF_DOC_MARKUP(h, "<p class=\"note\">");
        tf_doc_text(h, w->factory_none);
        TF_DOC_MARKUP(h, "</p>");
    } else {
        TF_DOC_MARKUP(h, "<table class=\"runs\"><thead><tr><th scope=\"col\">");
        tf_doc_text(h, w->created_from);
        TF_DOC_MARKUP(h, "</th><th scope=\"col\">");
        tf_doc_text(h, w->created_to);
        TF_DOC_MARKUP(h, "</th><th scope=\"col\">");
        tf_doc_text(h, w->members);
        TF_DOC_MARKUP(h, "</th></tr></thead><tbody>");
        const cJSON *run;
        cJSON_ArrayForEach(run, runs) {
            TF_DOC_MARKUP(h, "<tr><td>");
            tf_doc_text(h, string_at(run, "created_from"));
            TF_DOC_MARKUP(h, "</td><td>");
            tf_doc_text(h, string_at(run, "created_to"));
            TF_DOC_MARKUP(h, "</td><td>");
            count(h, w, number_at(run, "members"));
            TF_DOC_MARKUP(h, "</td></tr>");
        }
        TF_DOC_MARKUP(h, "</tbody></table>\n");
    }
    TF_DOC_MARKUP(h, "</section>\n");
}

static void profile_section(tf_doc *h, const words *w, const cJSON *profile)
{
    TF_DOC_MARKUP(h, "<section aria-labelledby=\"profile\"><h2 id=\"profile\">");
    tf_doc_text(h, w->profile_h);
    TF_DOC_MARKUP(h, "</h2>");
    if (!profile) {
        TF_DOC_MARKUP(h, "<p class=\"note\">");
        tf_doc_text(h, w->no_profile);
        TF_DOC_MARKUP(h, "</p></section>\n");
        return;
    }
    const char *verdict = string_at(profile, "verdict");
    const char *said = !verdict ? w->unknown : strcmp(verdict, "real") == 0 ? w->real
                     : strcmp(verdict, "inactive") == 0 ? w->inactive : strcmp(verdict, "fake") == 0 ? w->fake : verdict;
    TF_DOC_MARKUP(h, "<dl>");
    term(h, w->profile_verdict);
    tf_doc_text(h, said);
    TF_DOC_MARKUP(h, "</dd>");
    term(h, w->profile_fake);
    percent(h, w, number_at(profile, "p_fake"));
    TF_DOC_MARKUP(h, "</dd>");
    const cJSON *reasons = cJSON_GetObjectItemCaseSensitive(profile, "reasons");
    if (cJSON_GetArraySize(reasons) > 0) {
        term(h, w->reasons_h);
        TF_DOC_MARKUP(h, "<ul>");
        const cJSON *reason;
        cJSON_ArrayForEach(reason, reasons) {
            TF_DOC_MARKUP(h, "<li>");
            tf_doc_text(h, string_at(reason, "text"));
            TF_DOC_MARKUP(h, "</li>");
        }
        TF_DOC_MARKUP(h, "</ul></dd>");
    }
    TF_DOC_MARKUP(h, "</dl></section>\n");
}

static void method_and_inputs(tf_doc *h, const words *w, const cJSON *audit, const cJSON *history,
                              const tf_report_input *inputs, int n_inputs, double now, const char *options)
{
    TF_DOC_MARKUP(h, "<section aria-labelledby=\"history\"><h2 id=\"history\">");
    tf_doc_text(h, w->history_h);
    TF_DOC_MARKUP(h, "</h2>");
    if (cJSON_GetArraySize(history) == 0) {
        TF_DOC_MARKUP(h, "<p class=\"note\">");
        tf_doc_text(h, w->history_none);
        TF_DOC_MARKUP(h, "</p>");
    } else {
        TF_DOC_MARKUP(h, "<table class=\"runs\" data-part=\"history\"><thead><tr><th scope=\"col\">");
        tf_doc_text(h, w->date);
        TF_DOC_MARKUP(h, "</th><th scope=\"col\">");
        tf_doc_text(h, w->followers_h);
        TF_DOC_MARKUP(h, "</th></tr></thead><tbody>");
        const cJSON *point;
        cJSON_ArrayForEach(point, history) {
            double t = number_at(point, "t"), followers = number_at(point, "followers");
            char iso[21] = "";
            if (isfinite(t))
                tf_format_iso8601(t / 1000, iso); /* the extension's points are in unix milliseconds */
            TF_DOC_MARKUP(h, "<tr><td>");
            tf_doc_textf(h, "%.10s", isfinite(t) ? iso : w->unknown);
            TF_DOC_MARKUP(h, "</td><td>");
            count(h, w, followers);
            TF_DOC_MARKUP(h, "</td></tr>");
        }
        TF_DOC_MARKUP(h, "</tbody></table>");
    }
    TF_DOC_MARKUP(h, "</section>\n<section aria-labelledby=\"method\"><h2 id=\"method\">");
    tf_doc_text(h, w->method_h);
    TF_DOC_MARKUP(h, "</h2><p>");
    tf_doc_text(h, w->method_text);
    TF_DOC_MARKUP(h, "</p><dl>");
    term(h, w->model);
    TF_DOC_MARKUP(h, "<code>");
    tf_doc_text(h, string_at(audit, "model"));
    TF_DOC_MARKUP(h, "</code></dd>");
    term(h, w->method_core);
    tf_doc_text(h, string_at(audit, "method"));
    TF_DOC_MARKUP(h, "</dd>");
    term(h, w->sensitivity);
    percent(h, w, number_at(audit, "sensitivity"));
    TF_DOC_MARKUP(h, "</dd>");
    term(h, w->specificity);
    percent(h, w, number_at(audit, "specificity"));
    TF_DOC_MARKUP(h, "</dd></dl></section>\n<section aria-labelledby=\"inputs\"><h2 id=\"inputs\">");
    tf_doc_text(h, w->inputs_h);
    TF_DOC_MARKUP(h, "</h2><p>");
    tf_doc_text(h, w->inputs_text);
    TF_DOC_MARKUP(h, "</p><p><code data-part=\"rederive\">truefollow audit --now ");
    tf_doc_textf(h, "%.0f", now);
    if (options && *options) {
        tf_doc_text(h, " ");
        tf_doc_text(h, options);
    }
    for (int i = 0; i < n_inputs; i++) {
        tf_doc_text(h, " ");
        tf_doc_text(h, inputs[i].name);
    }
    TF_DOC_MARKUP(h, "</code></p>\n<table class=\"inputs\"><thead><tr><th scope=\"col\">");
    tf_doc_text(h, w->file);
    TF_DOC_MARKUP(h, "</th><th scope=\"col\">");
    tf_doc_text(h, w->bytes);
    TF_DOC_MARKUP(h, "</th><th scope=\"col\">SHA-256</th></tr></thead><tbody>");
    for (int i = 0; i < n_inputs; i++) {
        TF_DOC_MARKUP(h, "<tr><td>");
        tf_doc_text(h, inputs[i].name);
        TF_DOC_MARKUP(h, "</td><td>");
        tf_doc_textf(h, "%zu", inputs[i].bytes);
        TF_DOC_MARKUP(h, "</td><td class=\"hash\">");
        tf_doc_text(h, inputs[i].sha256);
        TF_DOC_MARKUP(h, "</td></tr>");
    }
    TF_DOC_MARKUP(h, "</tbody></table></section>\n");
}

char *tf_report_html(const cJSON *audit, const cJSON *profile, const cJSON *history, const tf_report_input *inputs,
                     int n_inputs, const char *lang, double now, const char *options)
{
    const words *w = words_for(lang);
    tf_doc html = {NULL, 0, 0, 0}, *h = &html;
    const char *handle = profile ? string_at(profile, "handle") : NULL;
    if (!handle)
        handle = string_at(audit, "profile");
    const char *platform = profile ? string_at(profile, "platform") : NULL;
    char iso[21], date[32];
    tf_format_iso8601(now, iso); /* "YYYY-MM-DDTHH:MM:SSZ" shown as "YYYY-MM-DD HH:MM UTC" */
    snprintf(date, sizeof date, "%.10s %.5s UTC", iso, iso + 11);

    TF_DOC_MARKUP(h, "<!doctype html>\n<html lang=\"");
    tf_doc_text(h, strcmp(w->lang, "pt_BR") == 0 ? "pt-BR" : w->lang);
    TF_DOC_MARKUP(h, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>truefollow: ");
    tf_doc_text(h, w->title);
    if (handle) {
        tf_doc_text(h, " — @");
        tf_doc_text(h, handle);
    }
    TF_DOC_MARKUP(h, "</title>\n");
    style(h);
    TF_DOC_MARKUP(h, "</head>\n<body>\n<main>\n<header><h1>");
    tf_doc_text(h, w->title);
    TF_DOC_MARKUP(h, "</h1><p class=\"sub\">");
    if (handle) {
        tf_doc_text(h, "@");
        tf_doc_text(h, handle);
    }
    if (platform) {
        tf_doc_text(h, " · ");
        tf_doc_text(h, platform);
    }
    TF_DOC_MARKUP(h, "</p><dl>");
    term(h, w->checked);
    TF_DOC_MARKUP(h, "<time>");
    tf_doc_text(h, date);
    TF_DOC_MARKUP(h, "</time></dd>");
    const cJSON *reach = cJSON_GetObjectItemCaseSensitive(audit, "reach");
    double followers = profile ? number_at(profile, "followers") : number_at(reach, "followers");
    if (isfinite(followers)) {
        term(h, w->followers_count);
        count(h, w, followers);
        TF_DOC_MARKUP(h, "</dd>");
    }
    TF_DOC_MARKUP(h, "</dl></header>\n");
    shares_section(h, w, audit);
    reach_and_engagement(h, w, audit);
    factory_section(h, w, audit);
    profile_section(h, w, profile);
    method_and_inputs(h, w, audit, history, inputs, n_inputs, now, options);
    TF_DOC_MARKUP(h, "</main>\n</body>\n</html>\n");
    if (html.failed) {
        free(html.text);
        return NULL;
    }
    return html.text;
}

/* One cell of the comparison: a share as a small bar with its interval, and in words. */
static void share_cell(tf_doc *h, const words *w, const char *kind, const cJSON *audit)
{
    const cJSON *part = cJSON_GetObjectItemCaseSensitive(audit, kind);
    const cJSON *ci = cJSON_GetObjectItemCaseSensitive(part, "ci90");
    double share = number_at(part, "share"), low = element_at(ci, 0), high = element_at(ci, 1);
    TF_DOC_MARKUP(h, "<td class=\"value\" data-share=\"");
    tf_doc_text(h, kind);
    TF_DOC_MARKUP(h, "\" data-value=\"");
    tf_doc_textf(h, "%.6g", share);
    TF_DOC_MARKUP(h, "\">");
    if (isfinite(share)) {
        TF_DOC_MARKUP(h, "<div class=\"track small\" aria-hidden=\"true\"><div class=\"bar ");
        tf_doc_text(h, kind);
        TF_DOC_MARKUP(h, "\" style=\"width:");
        tf_doc_textf(h, "%.2f", 100 * share);
        TF_DOC_MARKUP(h, "%\"></div></div>");
    }
    percent(h, w, share);
    if (isfinite(low) && isfinite(high)) {
        TF_DOC_MARKUP(h, "<br><span class=\"ci-text\">");
        percent(h, w, low);
        tf_doc_text(h, "–");
        percent(h, w, high);
        TF_DOC_MARKUP(h, "</span>");
    }
    TF_DOC_MARKUP(h, "</td>");
}

char *tf_report_html_compare(const cJSON *accounts, const char *lang, double now)
{
    const words *w = words_for(lang);
    tf_doc html = {NULL, 0, 0, 0}, *h = &html;
    char iso[21], date[32];
    tf_format_iso8601(now, iso);
    snprintf(date, sizeof date, "%.10s %.5s UTC", iso, iso + 11);
    TF_DOC_MARKUP(h, "<!doctype html>\n<html lang=\"");
    tf_doc_text(h, strcmp(w->lang, "pt_BR") == 0 ? "pt-BR" : w->lang);
    TF_DOC_MARKUP(h, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>truefollow: ");
    tf_doc_text(h, w->compare_title);
    TF_DOC_MARKUP(h, "</title>\n");
    style(h);
    TF_DOC_MARKUP(h, "<style>@page{size:A4 landscape}main{max-width:64rem}.compare td,.compare th{border-bottom:1px solid #e5e7eb;"
                     "vertical-align:top}.track.small{height:.6rem;width:6rem;margin:.3rem 0}</style>\n");
    TF_DOC_MARKUP(h, "</head>\n<body>\n<main>\n<header><h1>");
    tf_doc_text(h, w->compare_title);
    TF_DOC_MARKUP(h, "</h1><dl>");
    term(h, w->checked);
    TF_DOC_MARKUP(h, "<time>");
    tf_doc_text(h, date);
    TF_DOC_MARKUP(h, "</time></dd></dl></header>\n<section aria-labelledby=\"accounts\"><h2 id=\"accounts\">");
    tf_doc_text(h, w->followers_h);
    TF_DOC_MARKUP(h, "</h2>\n<table class=\"compare\"><thead><tr>");
    const char *heads[] = {w->account, w->followers_count, w->real, w->inactive, w->fake, w->reach_h, w->factory_in_runs,
                           w->profile_verdict};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
        TF_DOC_MARKUP(h, "<th scope=\"col\">");
        tf_doc_text(h, heads[i]);
        TF_DOC_MARKUP(h, "</th>");
    }
    TF_DOC_MARKUP(h, "</tr></thead><tbody>\n");
    const cJSON *account;
    cJSON_ArrayForEach(account, accounts) {
        const cJSON *audit = cJSON_GetObjectItemCaseSensitive(account, "audit");
        const cJSON *profile = cJSON_GetObjectItemCaseSensitive(account, "profile");
        const cJSON *reach = cJSON_GetObjectItemCaseSensitive(audit, "reach");
        const cJSON *factory = cJSON_GetObjectItemCaseSensitive(audit, "factory");
        TF_DOC_MARKUP(h, "<tr><th scope=\"row\">");
        tf_doc_text(h, string_at(account, "label"));
        TF_DOC_MARKUP(h, "</th><td>");
        double followers = number_at(profile, "followers");
        count(h, w, isfinite(followers) ? followers : number_at(reach, "followers"));
        TF_DOC_MARKUP(h, "</td>");
        share_cell(h, w, "real", audit);
        share_cell(h, w, "inactive", audit);
        share_cell(h, w, "fake", audit);
        TF_DOC_MARKUP(h, "<td>");
        count(h, w, number_at(reach, "value"));
        TF_DOC_MARKUP(h, "</td><td>");
        count(h, w, number_at(factory, "in_runs"));
        TF_DOC_MARKUP(h, "</td><td>");
        const char *verdict = string_at(profile, "verdict");
        tf_doc_text(h, !verdict ? w->unknown : strcmp(verdict, "real") == 0 ? w->real
                     : strcmp(verdict, "inactive") == 0 ? w->inactive : strcmp(verdict, "fake") == 0 ? w->fake : verdict);
        TF_DOC_MARKUP(h, "</td></tr>\n");
    }
    TF_DOC_MARKUP(h, "</tbody></table></section>\n<section aria-labelledby=\"method\"><h2 id=\"method\">");
    tf_doc_text(h, w->method_h);
    TF_DOC_MARKUP(h, "</h2><p>");
    tf_doc_text(h, w->method_text);
    TF_DOC_MARKUP(h, "</p><dl>");
    cJSON_ArrayForEach(account, accounts) {
        const char *model = string_at(cJSON_GetObjectItemCaseSensitive(account, "audit"), "model");
        if (!model)
            continue;
        term(h, w->model);
        TF_DOC_MARKUP(h, "<code>");
        tf_doc_text(h, model);
        TF_DOC_MARKUP(h, "</code></dd>");
        break; /* one model scores a list: the first audit names it */
    }
    TF_DOC_MARKUP(h, "</dl></section>\n</main>\n</body>\n</html>\n");
    if (html.failed) {
        free(html.text);
        return NULL;
    }
    return html.text;
}

/* The JSON form the WebAssembly build exports (report_html.h). */
char *tf_report_html_input(const char *request_json)
{
    cJSON *request = cJSON_Parse(request_json ? request_json : "");
    const cJSON *accounts = cJSON_GetObjectItemCaseSensitive(request, "accounts");
    if (cJSON_IsArray(accounts)) {
        double when = number_at(request, "now");
        char *html = tf_report_html_compare(accounts, string_at(request, "lang"), isfinite(when) ? when : 0);
        cJSON_Delete(request);
        return html;
    }
    const cJSON *audit = cJSON_GetObjectItemCaseSensitive(request, "audit");
    if (!cJSON_IsObject(audit)) {
        cJSON_Delete(request);
        return NULL;
    }
    const cJSON *profile = cJSON_GetObjectItemCaseSensitive(request, "profile");
    const cJSON *listed = cJSON_GetObjectItemCaseSensitive(request, "inputs");
    int n_inputs = cJSON_GetArraySize(listed);
    tf_report_input *inputs = n_inputs > 0 ? calloc((size_t)n_inputs, sizeof *inputs) : NULL;
    if (n_inputs > 0 && !inputs) {
        cJSON_Delete(request);
        return NULL;
    }
    for (int i = 0; i < n_inputs; i++) {
        const cJSON *input = cJSON_GetArrayItem(listed, i);
        const char *sha256 = string_at(input, "sha256");
        double bytes = number_at(input, "bytes");
        inputs[i].name = string_at(input, "name");
        inputs[i].bytes = isfinite(bytes) && bytes >= 0 ? (size_t)bytes : 0;
        snprintf(inputs[i].sha256, sizeof inputs[i].sha256, "%s", sha256 ? sha256 : "");
    }
    double now = number_at(request, "now");
    const cJSON *history = cJSON_GetObjectItemCaseSensitive(request, "history");
    char *html = tf_report_html(audit, cJSON_IsObject(profile) ? profile : NULL, cJSON_IsArray(history) ? history : NULL,
                                inputs, n_inputs, string_at(request, "lang"), isfinite(now) ? now : 0,
                                string_at(request, "options"));
    free(inputs);
    cJSON_Delete(request);
    return html;
}
