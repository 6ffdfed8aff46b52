# Oberflächentexte von coursebook: Deutsch.

## Alle Seiten
skip_to_content = Zum Inhalt springen
search_label = Im Kurs suchen
search_placeholder = Suchen
contents = Inhalt
now_and_next = Jetzt und als Nächstes
participant_edition = Teilnehmerausgabe
participant_edition_note = der Kurs, wie ihn die Teilnehmenden sehen: Zeitplan, Einheiten, Fragen und Handout
programmes = Programme
made_with = Erstellt mit coursebook
breadcrumb = Brotkrümelnavigation
home = Startseite
on_this_page = Auf dieser Seite
for_trainers_only = Nur für Trainer
trainer_note = Hinweis für Trainer
trainer = Trainer
previous = Zurück
next = Weiter
previous_and_next = Vorherige und nächste Einheit

## 404-Seite
page_not_found = Seite nicht gefunden
not_found_text = Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie beim Neuerstellen des Kurses verschoben.
go_home = Zur Startseite

## Startseite und Programme
upcoming_deliveries = Kommende Durchführungen
no_programmes = Noch keine Programme: Legen Sie im Inhaltsordner einen Ordner mit einer index.md an.
dates = Termine
venue = Ort
for_whom = Zielgruppe
days = Tage
authors = Autoren
contact_time = Präsenzzeit
n_days = { $n ->
    [one] { $n } Tag
   *[other] { $n } Tage
}
n_contact = { $n ->
    [one] { $time } in { $n } Einheit
   *[other] { $time } in { $n } Einheiten
}
n_sessions = { $n ->
    [one] { $n } Einheit
   *[other] { $n } Einheiten
}
when_and_where = Wann und wo
from_to = { $start } bis { $end }
at_venue = Ort: { $venue }.
what_to_bring = Bitte mitbringen
before_you_come = Vor dem Kurs
before_the_programme = Vor dem Programm
timetable = Zeitplan
discussion_prompts = Diskussionsfragen
prompt_cards = Fragekarten
materials = Material
materials_and_pack_lists = Material und Packlisten
themes = Themen
evaluation_form = Evaluationsbogen
action_plan_sheet = Aktionsplan-Bogen
your_action_plan_sheet = Ihr Aktionsplan-Bogen
participant_handout = Handout für Teilnehmende
your_handout = Ihr Handout
print_programme = Programm drucken
for_the_trainer = Für den Trainer
run_sheet = Ablaufplan
run_sheets = Ablaufpläne
run_sheet_for = Ablaufplan für { $day }
signin_sheet = Anwesenheitsliste
signin_sheets = Anwesenheitslisten
signin_sheet_for = Anwesenheitsliste für { $day }
post_box_summary = Zusammenfassung des Briefkastens
days_at_a_glance = Die Tage im Überblick
deliveries = Durchführungen
programme_timetable = Zeitplan des Programms
letters = Briefe
notes = Notizen
about_programme = Über das Programm

## Zeitpläne
time = Uhrzeit
session = Einheit
format = Format
length = Dauer
n_day_caption = { $n ->
    [one] { $day }: { $start } bis { $end }, { $n } Einheit
   *[other] { $day }: { $start } bis { $end }, { $n } Einheiten
}
day_ends_at = Tagesende um { $time }
add_to_calendar = Zum Kalender hinzufügen (.ics)
download_csv = Als CSV herunterladen
free_time = Freie Zeit
day_n = Tag { $n }

## Durchführungen
participants = Teilnehmende
n_expected = { $n } erwartet
times = Zeiten
trainers = Trainer
joining_details = Hinweise zur Teilnahme

## Einheiten
print_session = Diese Einheit drucken
objectives = Lernziele
same_as = Diese Einheit genauso durchführen wie:
threads = Rote Fäden
produces = Erzeugt „{ $thread }“.
produces_used_in = Erzeugt „{ $thread }“, später verwendet in:
uses = Verwendet „{ $thread }“.
uses_from = Verwendet „{ $thread }“, aus:
repeated_in = Wiederholt in:
see_also = Siehe auch:

## Fragen, Karten, Material, Themen
prompts_lead = Alle Fragen von { $programme }, nach Tag und Einheit, druckfertig. Zum Projizieren oder Aufhängen nehmen Sie die Fragekarten:
print_prompts = Fragen drucken
no_prompts = Noch keine Einheit hat Fragen. Ergänzen Sie prompts: im Kopf einer Einheit oder einen Kasten [!PROMPTS].
cards_lead = Jede Diskussionsfrage von { $programme } auf einer eigenen Karte, groß genug zum Projizieren oder Aufhängen. Gedruckt füllt jede Karte eine A4-Seite im Querformat.
show_one_at_a_time = Einzeln zeigen
print_cards = Karten drucken
all_cards = Alle Karten
materials_and_pack_list = Material und Packliste
materials_lead = Was an jedem Tag einzupacken ist, jedes Stück einmal, mit den Einheiten, die es brauchen. Gedruckt steht jeder Tag als Packliste auf einer eigenen Seite.
print_pack_lists = Packlisten drucken
pack_list_for = Packliste: { $day }
needed_for = für
no_materials = Noch keine Einheit nennt Material. Ergänzen Sie materials: im Kopf einer Einheit.
materials_label = Material:
themes_lead = Rote Fäden, die sich durch das Programm ziehen, und die Einheiten, die sie tragen.

## Handout und Druck
handout = Handout
handout_hint = Ein Handout für die Teilnehmenden: drucken Sie es (A4) oder speichern Sie es im Druckdialog Ihres Browsers als PDF.
print_handout = Handout drucken
the_sessions = Die Einheiten
print = Drucken
print_hint = Das ganze Programm auf einer Seite, in der Reihenfolge des Zeitplans; jeder Tag beginnt im Druck auf einer neuen Seite.

## Ablaufpläne und Anwesenheitslisten
print_run_sheet = Diesen Ablaufplan drucken
runsheet_caption = { $day }: Zeiten, Einheiten, Material, erste Fragen, Notizen und eine Spalte zum Abhaken
first_prompt = Erste Frage
done = Erledigt
done_for = Erledigt: { $title }
print_signin_sheet = Diese Anwesenheitsliste drucken
names_from_list = Namen aus einer Liste
register_hint = Wählen Sie die Teilnehmerliste, aus Excel oder LibreOffice als CSV gespeichert: die Spalte „name“ (oder die erste) und, falls vorhanden, „organisation“. Die Namen kommen zum Drucken in die Zeilen dieser Seite. Die Liste wird nur auf dieser Seite gelesen: Nichts wird gesendet oder gespeichert, und Neuladen leert die Zeilen.
the_list_csv = Die Liste (CSV)
clear_names = Namen löschen
signin_caption = Anwesenheitsliste für { $day }: Name, Organisation und Unterschrift
number_short = Nr.
name = Name
organisation = Organisation
signature = Unterschrift

## Evaluationsbogen
evaluation_of = Evaluation: { $title }
eval_kept = Was Sie eintragen, bleibt nur auf diesem Gerät gespeichert und ist noch da, wenn Sie zurückkommen; es wird nirgendwohin gesendet. Speichern Sie es als Datei zum Abgeben, oder drucken Sie es. „Leeren“ leert den Bogen und vergisst die Eingaben.
eval_how_useful = : wie nützlich, von 1 ({ $low }) bis 5 ({ $high })
comments = Kommentare
comments_on = Kommentare zu „{ $title }“
print_form = Bogen drucken
save_docx = Als Word speichern (.docx)
save_txt = Als Text speichern (.txt)
clear = Leeren
eval_blank_docx = der leere Bogen als Word-Dokument, zum Drucken oder Versenden.

## Aktionsplan
action_plan = Aktionsplan
print_action_plan = Aktionsplan drucken
my_action_plan = Mein Aktionsplan
date = Datum
plan_intro = Vervollständigen Sie jeden Satz aus dem, was Sie gelernt haben, damit Sie erkennen, ob Sie es umgesetzt haben, wenn dieser Bogen zu Ihnen zurückkommt. Kreuzen Sie das Kästchen an, wenn es erledigt ist.
plan_envelope = Stecken Sie diesen Bogen in den Umschlag, den Sie an sich selbst adressiert haben, und geben Sie ihn dem Trainer: Er wird Ihnen einige Wochen nach dem Kurs zugeschickt.

## Briefkasten
post_box_lead_letter = Tippen Sie die Punkte aus dem Briefkasten unter der Einheit ein, in der sie geschrieben wurden, einen Punkt pro Zeile, und speichern Sie sie dann als Brief „{ $letter }“. Die Punkte sind die Worte der Gruppe an die Vorgesetzten: Diese Seite ist nicht in der Teilnehmerausgabe.
post_box_lead_note = Tippen Sie die Punkte aus dem Briefkasten unter der Einheit ein, in der sie geschrieben wurden, einen Punkt pro Zeile, und speichern Sie sie dann als Notiz für die Vorgesetzten. Die Punkte sind die Worte der Gruppe an die Vorgesetzten: Diese Seite ist nicht in der Teilnehmerausgabe.
post_box_sorted_in = Die Punkte werden sortiert in:
post_box_points = Punkte aus dem Briefkasten
post_box_note_intro = Was die Teilnehmenden während des Programms für die Organisation geschrieben haben, unter der Einheit, in der sie es schrieben. Kein Punkt wird einer Person zugeordnet.
kept_on_device = Was Sie eintippen, bleibt auf diesem Gerät gespeichert und ist noch da, wenn Sie zurückkommen; es wird nirgendwohin gesendet. „Leeren“ leert die Felder und vergisst die Eingaben.
prompts_reminder = Fragen, zur Erinnerung
points_from_session = Punkte aus dieser Einheit, einer pro Zeile
rest_of_note = Der Rest der Notiz
other_blanks_of = Die übrigen Felder von:
save_note_docx = Notiz als Word speichern (.docx)
save_note_txt = Notiz als Text speichern (.txt)

## Briefe
letter_post_box_hint = Die Punkte aus dem Briefkasten werden in der Zusammenfassung des Briefkastens eingetippt und dieser Brief mit ihnen gespeichert:
blanks_to_fill = Auszufüllende Felder
for_example = zum Beispiel „{ $example }“
fill_in_letter = Brief ausfüllen
fill_in_certificate = Bescheinigung ausfüllen
letter_kept = Während Sie tippen, füllt sich der Brief unten. Was Sie eintippen, bleibt auf diesem Gerät gespeichert und ist noch da, wenn Sie zurückkommen; es wird nirgendwohin gesendet. „Leeren“ leert die Felder und vergisst die Eingaben.
letter_date = Datum des Briefes
print_letter = Brief drucken
print_certificate = Bescheinigung drucken
the_letter = Der Brief
the_certificate = Die Bescheinigung
one_letter_each = Ein Brief je Person einer Liste
one_certificate_each = Eine Bescheinigung je Person einer Liste
merge_columns = Wählen Sie eine Liste, aus Excel oder LibreOffice als CSV gespeichert. Ihre erste Zeile benennt für jedes Feld eine Spalte, mit seinem Namen oder seiner Bezeichnung:
merge_rest = Ein Feld ohne Spalte in der Liste wird aus dem Formular oben übernommen, in jedem Brief gleich.
merge_attended = Mit einer Spalte „attended“ erhalten nur die mit Ja markierten Zeilen (yes, x oder ✓) eine Bescheinigung.
merge_private = Die Liste wird auf dieser Seite gelesen; nichts wird gesendet.
save_letters_docx = Briefe als Word speichern (.zip)
save_letters_txt = Briefe als Text speichern (.zip)
the_blank_letter = Der leere Brief
blank_docx = Word-Dokument
blank_docx_fields = Word-Dokument; die Felder sind Seriendruckfelder
blank_txt = reiner Text
blank_txt_fields = reiner Text, Felder in [eckigen Klammern]
for_site_editors = Für Redakteure der Website: die Befehlszeile
merge_cli = Um aus dem Ordner der Website einen Brief je Teilnehmer zu erstellen:
merge_cli_columns = mit einer Spalte je Feld:

## Jetzt und als Nächstes (now.js)
running_now = Läuft gerade
bar_day_starts = { $day } beginnt um { $time } mit { $session }
bar_next_day_starts = { $day } ({ $date }) beginnt um { $time } mit { $session }
bar_ended = Das Programm ist zu Ende.
bar_thanks = Vielen Dank für Ihre Teilnahme.
bar_until = { $title } bis { $time }
bar_now_until = Jetzt: { $session } bis { $time }
bar_next_at = Als Nächstes: { $session } um { $time }
bar_day_ends = Tagesende um { $time }
running_late = Verspätung
running_late_day = Verspätung, { $day }
late_reset = Zurücksetzen
late_reset_day = Zurücksetzen: wieder pünktlich, { $day }
n_late_add = +{ $n } Min.
minutes_late = Minuten Verspätung
late_set = Übernehmen
n_running_late = { $n ->
    [one] { $n } Minute Verspätung
   *[other] { $n } Minuten Verspätung
}
n_ran_late = { $n ->
    [one] { $n } Minute verspätet
   *[other] { $n } Minuten verspätet
}
late_from_until = ab { $from } bis { $stop }
late_from_to = von { $from } bis { $stop }

## Suche (search.js)
n_results = { $n ->
    [one] { $n } Treffer
   *[other] { $n } Treffer
}
n_results_first = { $n } Treffer, die ersten { $shown } angezeigt
search_loading = Index wird geladen…
search_none = Keine Treffer für „{ $query }“

## Durchführungen, Anwesenheit, Briefe aus einer Liste
past = Vorbei
no_upcoming = Keine kommenden Durchführungen.
not_utf8 = Die Liste ist kein UTF-8-Text: Speichern Sie sie in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“; wählen Sie in LibreOffice den Zeichensatz Unicode (UTF-8).
n_names_from = { $n ->
    [one] { $n } Name aus { $file }, zum Drucken.
   *[other] { $n } Namen aus { $file }, zum Drucken.
}
no_names_in = Keine Namen in { $file }.
n_letters_from = { $n ->
    [one] { $n } Brief aus { $file }.
   *[other] { $n } Briefe aus { $file }.
}
no_letters_from = Keine Briefe aus { $file } erstellt.
list_empty = Die Liste ist leer: Ihre erste Zeile benennt die Spalten, eine je Feld.
list_no_rows = Die Liste hat eine Kopfzeile, aber keine Zeilen: keine Briefe zu erstellen.
n_points_into_note = { $n ->
    [one] { $n } Punkt aus { $sessions } kommt in die Notiz.
   *[other] { $n } Punkte aus { $sessions } kommen in die Notiz.
}

## Seitentitel
title_timetable = Zeitplan: { $programme }
title_prompts = Diskussionsfragen: { $programme }
title_materials = Material: { $programme }
title_cards = Fragekarten: { $programme }
title_evaluation = Evaluation: { $programme }
title_themes = Themen: { $programme }
title_action_plan = Aktionsplan: { $programme }
title_print = { $programme } (Druck)
title_post_box = Zusammenfassung des Briefkastens: { $programme }
title_handout = Handout: { $programme }
title_signin = Anwesenheitsliste, { $day }: { $programme }
title_runsheet = Ablaufplan, { $day }: { $programme }

## Headings and list items of run and sign-in sheets; the running-late stop
run_sheet_heading = Ablaufplan: { $day }
run_sheet_item = Ablaufplan, { $day }
signin_sheet_heading = Anwesenheitsliste: { $day }
signin_sheet_item = Anwesenheitsliste, { $day }
late_stop_fixed = { $title } (fest um { $time })
late_stop_day_end = zum Tagesende ({ $time })

## Evaluationsbogen: die Wörter des Builds
eval_overall = Insgesamt
eval_intro = Bitte sagen Sie uns, wie Sie den Kurs fanden. Ihre Antworten helfen uns, ihn zu verbessern.
eval_intro_rated = Bitte sagen Sie uns, wie nützlich jede Einheit für Ihre Arbeit war: Kreuzen Sie für jede eine Zahl an, von 1 ({ $low }) bis 5 ({ $high }), und schreiben Sie gern einen Kommentar dazu. Ihre Antworten helfen uns, den Kurs zu verbessern.
eval_scale_words = 1 = { $low }, 5 = { $high }
eval_rating = Bewertung
eval_rating_line = Bewertung ({ $scale }):
eval_low = Nicht nützlich
eval_high = Sehr nützlich
eval_question_differently = Was werden Sie bei Ihrer Dokumentation anders machen?
eval_question_improve = Was könnten wir verbessern?
eval_question_overall = Wie nützlich war der Kurs insgesamt?

## Aktionsplan: die vorgegebenen Sätze
plan_statement_1 = Das Erste, was ich bei der Arbeit anders machen werde, ist
plan_statement_2 = Bis Ende nächsten Monats werde ich
plan_statement_3 = Um weiterzulernen, werde ich
plan_statement_4 = Die Person, die mir dabei helfen kann, ist
plan_statement_5 = Was mir im Weg stehen könnte, und was ich dann tue:

## Formate der Einheiten, Suchergebnisse
format_pairs = Paararbeit
format_small_groups = Kleingruppen
format_large_group = Großgruppe
format_plenary = Plenum
format_individual = Einzelarbeit
format_presentation = Vortrag
search_prompt_when = Frage · { $session } · { $when }
search_letter = Brief

## Die vorgegebenen Blöcke und Pausen
block_before_coffee = Vor der Kaffeepause
block_after_coffee = Nach der Kaffeepause
block_after_lunch = Nach dem Mittagessen
block_after_tea = Nach der Nachmittagspause
break_coffee = Kaffeepause
break_lunch = Mittagessen
break_tea = Nachmittagspause

## Deliveries' own pages, translated editions
trainers_list = Trainer: { $names }
in_deliveries = In Durchführungen
all_deliveries_link = Alle Durchführungen dieses Programms
delivery_documents = Briefe und Formulare für diese Durchführung
certificate_marker = (Teilnahmebescheinigung)
file_as = { $title } als
blank_form_docx = Leeres Formular (.docx)
language = Sprache
untranslated_note = Diese Seite ist noch nicht übersetzt: Sie wird in ihrer Originalsprache angezeigt.
letter_for = Für { $delivery }
letter_for_dates = Für { $delivery }, { $dates }
n_leads_days = { $n ->
    [one] Tag { $days }
   *[other] Tage { $days }
}
leads_block = Programmtag { $day }: { $block }

## The register's pages (coursebook register)
register_attendance = Anwesenheit
register_attendance_title = Anwesenheit: { $programme }
register_signin_title = Anwesenheitsliste: { $day }, { $programme }
register_attended = Anwesend ({ $n } auf der Liste)

# A programme on a translated home page that is not translated into its language.
not_translated_yet = Noch nicht übersetzt

## Standardtitel der Hinweiskästen (callouts), nach Markierung
callout_note = Hinweis
callout_tip = Tipp
callout_important = Wichtig
callout_warning = Warnung
callout_caution = Vorsicht
callout_prompts = Diskussionsfragen
callout_trainer = Hinweis für Trainer
callout_handout = Für Teilnehmende
callout_challenge = Aufgabe
callout_solution = Lösung
