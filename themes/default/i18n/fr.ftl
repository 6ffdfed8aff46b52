# Chaînes de l'interface de coursebook : français.

## Toutes les pages
skip_to_content = Aller au contenu
search_label = Rechercher dans le cours
search_placeholder = Rechercher
contents = Sommaire
now_and_next = En cours et à suivre
participant_edition = Édition participants
participant_edition_note = le cours tel que le voient les participants : emploi du temps, séances, questions et support
programmes = Programmes
made_with = Réalisé avec coursebook
breadcrumb = Fil d'Ariane
home = Accueil
on_this_page = Sur cette page
for_trainers_only = Réservé aux formateurs
trainer_note = Note du formateur
trainer = Formateur
previous = Précédent
next = Suivant
previous_and_next = Séance précédente et suivante

## Page 404
page_not_found = Page introuvable
not_found_text = Il n'y a pas de page à cette adresse. Elle a peut-être changé lors de la dernière génération du cours.
go_home = Aller à l'accueil

## Accueil et programmes
upcoming_deliveries = Sessions à venir
no_programmes = Aucun programme pour l'instant : ajoutez un dossier contenant un index.md dans le dossier du contenu.
dates = Dates
venue = Lieu
for_whom = Public
days = Jours
authors = Auteurs
contact_time = Temps de formation
n_days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
n_contact = { $n ->
    [one] { $time } en { $n } séance
   *[other] { $time } en { $n } séances
}
n_sessions = { $n ->
    [one] { $n } séance
   *[other] { $n } séances
}
when_and_where = Quand et où
from_to = de { $start } à { $end }
at_venue = Lieu : { $venue }.
what_to_bring = À apporter
before_you_come = Avant de venir
before_the_programme = Avant le programme
timetable = Emploi du temps
discussion_prompts = Questions de discussion
prompt_cards = Cartes de questions
materials = Matériel
materials_and_pack_lists = Matériel et listes de préparation
themes = Thèmes
evaluation_form = Formulaire d'évaluation
action_plan_sheet = Fiche de plan d'action
your_action_plan_sheet = Votre fiche de plan d'action
participant_handout = Support des participants
your_handout = Votre support
print_programme = Imprimer le programme
for_the_trainer = Pour le formateur
run_sheet = Feuille de route
run_sheets = Feuilles de route
run_sheet_for = Feuille de route pour { $day }
signin_sheet = Feuille d'émargement
signin_sheets = Feuilles d'émargement
signin_sheet_for = Feuille d'émargement pour { $day }
post_box_summary = Synthèse de la boîte aux lettres
days_at_a_glance = Les journées en un coup d'œil
deliveries = Sessions
programme_timetable = Emploi du temps du programme
letters = Courriers
notes = Notes
about_programme = À propos du programme

## Emplois du temps
time = Horaire
session = Séance
format = Format
length = Durée
n_day_caption = { $n ->
    [one] { $day } : de { $start } à { $end }, { $n } séance
   *[other] { $day } : de { $start } à { $end }, { $n } séances
}
day_ends_at = Fin de la journée à { $time }
add_to_calendar = Ajouter au calendrier (.ics)
download_csv = Télécharger en CSV
free_time = Temps libre
day_n = Jour { $n }

## Sessions
participants = Participants
n_expected = { $n ->
    [one] { $n } attendu
   *[other] { $n } attendus
}
times = Heures
trainers = Formateurs
joining_details = Informations pratiques

## Pages de séance
print_session = Imprimer cette séance
objectives = Objectifs
same_as = Animer cette séance comme :
threads = Fils conducteurs
produces = Produit « { $thread } ».
produces_used_in = Produit « { $thread } », repris ensuite dans :
uses = Utilise « { $thread } ».
uses_from = Utilise « { $thread } », issu de :
repeated_in = Reprise dans :
see_also = Voir aussi :

## Questions, cartes, matériel, thèmes
prompts_lead = Toutes les questions de { $programme }, par jour et par séance, prêtes à imprimer. Pour les projeter ou les afficher, utilisez les cartes de questions :
print_prompts = Imprimer les questions
no_prompts = Aucune séance n'a encore de questions. Ajoutez prompts: dans l'en-tête d'une séance, ou un encadré [!PROMPTS].
cards_lead = Chaque question de discussion de { $programme } sur sa propre carte, assez grande pour être projetée ou affichée. À l'impression, chaque carte occupe une page A4 à l'italienne.
show_one_at_a_time = Afficher une par une
print_cards = Imprimer les cartes
all_cards = Toutes les cartes
materials_and_pack_list = Matériel et liste de préparation
materials_lead = Ce qu'il faut emporter chaque jour, chaque élément une seule fois, avec les séances qui en ont besoin. À l'impression, chaque jour est une liste sur sa propre page.
print_pack_lists = Imprimer les listes de préparation
pack_list_for = Liste de préparation : { $day }
needed_for = pour
no_materials = Aucune séance ne liste encore de matériel. Ajoutez materials: dans l'en-tête d'une séance.
materials_label = Matériel :
themes_lead = Les fils conducteurs du programme, et les séances qui les portent.

## Support et impression
handout = Support
handout_hint = Un support pour les participants : imprimez-le (A4) ou enregistrez-le en PDF depuis la boîte de dialogue d'impression du navigateur.
print_handout = Imprimer le support
the_sessions = Les séances
print = Imprimer
print_hint = Tout le programme sur une page, dans l'ordre de l'emploi du temps ; chaque jour commence une nouvelle page imprimée.

## Feuilles de route et d'émargement
print_run_sheet = Imprimer cette feuille de route
runsheet_caption = { $day } : horaires, séances, matériel, premières questions, notes et une colonne à cocher
first_prompt = Première question
done = Fait
done_for = Fait : { $title }
print_signin_sheet = Imprimer cette feuille d'émargement
names_from_list = Noms depuis une liste
register_hint = Choisissez la liste des participants, enregistrée depuis Excel ou LibreOffice au format CSV : la colonne « name » (ou la première) et, s'il y en a une, « organisation ». Les noms remplissent les lignes de cette page, pour l'impression. La liste n'est lue que sur cette page : rien n'est envoyé ni conservé, et un rechargement vide les lignes.
the_list_csv = La liste (CSV)
clear_names = Effacer les noms
signin_caption = Feuille d'émargement pour { $day } : nom, organisation et signature
number_short = N°
name = Nom
organisation = Organisation
signature = Signature

## Formulaire d'évaluation
evaluation_of = Évaluation : { $title }
eval_kept = Ce que vous saisissez est conservé sur cet appareil uniquement, et sera encore là à votre retour ; rien n'est envoyé. Enregistrez-le dans un fichier à remettre, ou imprimez-le. « Effacer » vide le formulaire et l'oublie.
eval_how_useful = : utilité, de 1 ({ $low }) à 5 ({ $high })
comments = Commentaires
comments_on = Commentaires sur « { $title } »
print_form = Imprimer le formulaire
save_docx = Enregistrer en Word (.docx)
save_txt = Enregistrer en texte (.txt)
clear = Effacer
eval_blank_docx = le formulaire vierge en document Word, à imprimer ou à envoyer.

## Plan d'action
action_plan = Plan d'action
print_action_plan = Imprimer le plan d'action
my_action_plan = Mon plan d'action
date = Date
plan_intro = Complétez chaque phrase à partir de vos acquis, afin de pouvoir vérifier, quand cette fiche vous reviendra, si vous l'avez fait. Cochez la case quand c'est fait.
plan_envelope = Glissez cette fiche dans l'enveloppe libellée à votre adresse et remettez-la au formateur : elle vous sera renvoyée quelques semaines après la formation.

## Boîte aux lettres
post_box_lead_letter = Saisissez les points de la boîte aux lettres sous la séance où ils ont été écrits, un point par ligne, puis enregistrez-les dans le courrier « { $letter } ». Ces points sont les mots du groupe pour les responsables : cette page ne figure pas dans l'édition participants.
post_box_lead_note = Saisissez les points de la boîte aux lettres sous la séance où ils ont été écrits, un point par ligne, puis enregistrez-les dans une note pour les responsables. Ces points sont les mots du groupe pour les responsables : cette page ne figure pas dans l'édition participants.
post_box_sorted_in = Les points sont triés dans :
post_box_points = Points de la boîte aux lettres
post_box_note_intro = Ce que les participants ont écrit pour l'organisation pendant le programme, sous la séance où ils l'ont écrit. Aucun point n'est attribué à personne.
kept_on_device = Ce que vous saisissez est conservé sur cet appareil, et sera encore là à votre retour ; rien n'est envoyé. « Effacer » vide les champs et l'oublie.
prompts_reminder = Questions, pour mémoire
points_from_session = Points de cette séance, un par ligne
rest_of_note = Le reste de la note
other_blanks_of = Les autres champs de :
save_note_docx = Enregistrer la note en Word (.docx)
save_note_txt = Enregistrer la note en texte (.txt)

## Courriers
letter_post_box_hint = Les points de la boîte aux lettres sont saisis, et ce courrier enregistré avec eux, sur la synthèse de la boîte aux lettres :
blanks_to_fill = Champs à remplir
for_example = par exemple « { $example } »
fill_in_letter = Remplir le courrier
fill_in_certificate = Remplir l'attestation
letter_kept = Le courrier ci-dessous se remplit à mesure que vous tapez. Ce que vous saisissez est conservé sur cet appareil, et sera encore là à votre retour ; rien n'est envoyé. « Effacer » vide les champs et l'oublie.
letter_date = Date du courrier
print_letter = Imprimer le courrier
print_certificate = Imprimer l'attestation
the_letter = Le courrier
the_certificate = L'attestation
one_letter_each = Un courrier par personne d'une liste
one_certificate_each = Une attestation par personne d'une liste
merge_columns = Choisissez une liste enregistrée depuis Excel ou LibreOffice au format CSV. Sa première ligne nomme une colonne pour chaque champ, par son nom ou son libellé :
merge_rest = Un champ sans colonne dans la liste est repris du formulaire ci-dessus, identique dans chaque courrier.
merge_attended = Avec une colonne « attended », seules les lignes marquées oui (yes, x ou ✓) reçoivent une attestation.
merge_private = La liste est lue sur cette page ; rien n'est envoyé.
save_letters_docx = Enregistrer les courriers en Word (.zip)
save_letters_txt = Enregistrer les courriers en texte (.zip)
the_blank_letter = Le courrier vierge
blank_docx = document Word
blank_docx_fields = document Word ; les champs sont des champs de publipostage
blank_txt = texte brut
blank_txt_fields = texte brut, champs entre [crochets]
for_site_editors = Pour les éditeurs du site : la ligne de commande
merge_cli = Pour faire un courrier par participant depuis le dossier du site :
merge_cli_columns = avec une colonne par champ :

## En cours et à suivre (now.js)
running_now = En cours
bar_day_starts = { $day } commence à { $time } avec { $session }
bar_next_day_starts = { $day } ({ $date }) commence à { $time } avec { $session }
bar_ended = Le programme est terminé.
bar_thanks = Merci de votre participation.
bar_until = { $title } jusqu'à { $time }
bar_now_until = En cours : { $session } jusqu'à { $time }
bar_next_at = Ensuite : { $session } à { $time }
bar_day_ends = Fin de la journée à { $time }
running_late = En retard
running_late_day = En retard, { $day }
late_reset = Réinitialiser
late_reset_day = Réinitialiser : de nouveau à l'heure, { $day }
n_late_add = +{ $n } min
minutes_late = Minutes de retard
late_set = Appliquer
n_running_late = { $n ->
    [one] { $n } minute de retard
   *[other] { $n } minutes de retard
}
n_ran_late = { $n ->
    [one] { $n } minute de retard accumulée
   *[other] { $n } minutes de retard accumulées
}
late_from_until = de { $from } jusqu'à { $stop }
late_from_to = de { $from } à { $stop }

## Recherche (search.js)
n_results = { $n ->
    [one] { $n } résultat
   *[other] { $n } résultats
}
n_results_first = { $n } résultats, les { $shown } premiers affichés
search_loading = Chargement de l'index…
search_none = Aucun résultat pour « { $query } »

## Sessions, émargement, courriers depuis une liste
past = Passée
no_upcoming = Aucune session à venir.
not_utf8 = La liste n'est pas en UTF-8 : dans Excel, enregistrez-la en « CSV UTF-8 (délimité par des virgules) » ; dans LibreOffice, choisissez le jeu de caractères Unicode (UTF-8).
n_names_from = { $n ->
    [one] { $n } nom depuis { $file }, pour l'impression.
   *[other] { $n } noms depuis { $file }, pour l'impression.
}
no_names_in = Aucun nom dans { $file }.
n_letters_from = { $n ->
    [one] { $n } courrier depuis { $file }.
   *[other] { $n } courriers depuis { $file }.
}
no_letters_from = Aucun courrier fait depuis { $file }.
list_empty = La liste est vide : sa première ligne nomme les colonnes, une par champ.
list_no_rows = La liste a un en-tête mais aucune ligne : aucun courrier à faire.
n_points_into_note = { $n ->
    [one] { $n } point de { $sessions } ira dans la note.
   *[other] { $n } points de { $sessions } iront dans la note.
}

## Titres des pages
title_timetable = Emploi du temps : { $programme }
title_prompts = Questions de discussion : { $programme }
title_materials = Matériel : { $programme }
title_cards = Cartes de questions : { $programme }
title_evaluation = Évaluation : { $programme }
title_themes = Thèmes : { $programme }
title_action_plan = Plan d'action : { $programme }
title_print = { $programme } (impression)
title_post_box = Synthèse de la boîte aux lettres : { $programme }
title_handout = Support : { $programme }
title_signin = Feuille d'émargement, { $day } : { $programme }
title_runsheet = Feuille de route, { $day } : { $programme }

## Headings and list items of run and sign-in sheets; the running-late stop
run_sheet_heading = Feuille de route : { $day }
run_sheet_item = Feuille de route, { $day }
signin_sheet_heading = Feuille d'émargement : { $day }
signin_sheet_item = Feuille d'émargement, { $day }
late_stop_fixed = { $title } (fixé à { $time })
late_stop_day_end = la fin de la journée ({ $time })

## Formulaire d'évaluation : les mots écrits par la génération
eval_overall = Dans l'ensemble
eval_intro = Dites-nous ce que vous avez pensé de la formation. Vos réponses nous aident à l'améliorer.
eval_intro_rated = Dites-nous à quel point chaque séance a été utile pour votre travail : cochez un chiffre pour chacune, de 1 ({ $low }) à 5 ({ $high }), et ajoutez un commentaire si vous le souhaitez. Vos réponses nous aident à améliorer la formation.
eval_scale_words = 1 = { $low }, 5 = { $high }
eval_rating = Note
eval_rating_line = Note ({ $scale }) :
eval_low = Pas utile
eval_high = Très utile
eval_question_differently = Que ferez-vous différemment dans vos écrits professionnels ?
eval_question_improve = Que pourrions-nous améliorer ?
eval_question_overall = Dans l'ensemble, quelle a été l'utilité de la formation ?

## Plan d'action : les phrases proposées par défaut
plan_statement_1 = La première chose que je ferai autrement au travail, c'est
plan_statement_2 = D'ici la fin du mois prochain, j'aurai
plan_statement_3 = Pour continuer à apprendre, je vais
plan_statement_4 = La personne qui peut m'aider, c'est
plan_statement_5 = Ce qui pourrait me freiner, et ce que je ferai alors :

## Formats de séance, résultats de recherche
format_pairs = En binômes
format_small_groups = En petits groupes
format_large_group = En grand groupe
format_plenary = En plénière
format_individual = Individuel
format_presentation = Exposé
search_prompt_when = Question · { $session } · { $when }
search_letter = Courrier

## Les créneaux et pauses par défaut
block_before_coffee = Avant la pause café
block_after_coffee = Après la pause café
block_after_lunch = Après le déjeuner
block_after_tea = Après la pause de l'après-midi
break_coffee = Pause café
break_lunch = Déjeuner
break_tea = Pause de l'après-midi

## Deliveries' own pages, translated editions
trainers_list = Formateurs : { $names }
in_deliveries = Dans les sessions
all_deliveries_link = Toutes les sessions de ce programme
delivery_documents = Lettres et formulaires de cette session
certificate_marker = (attestation)
file_as = { $title } au format
blank_form_docx = Formulaire vierge (.docx)
language = Langue
untranslated_note = Cette page n’est pas encore traduite : elle est affichée dans sa langue d’origine.
letter_for = Pour { $delivery }
letter_for_dates = Pour { $delivery }, { $dates }
n_leads_days = { $n ->
    [one] Jour { $days }
   *[other] Jours { $days }
}
leads_block = jour { $day } du programme : { $block }

## The register's pages (coursebook register)
register_attendance = Présence
register_attendance_title = Présence : { $programme }
register_signin_title = Feuille d'émargement : { $day }, { $programme }
register_attended = Présents ({ $n } sur la liste)

# A programme on a translated home page that is not translated into its language.
not_translated_yet = Pas encore traduit

## Titres par défaut des encadrés (callouts), par marqueur
callout_note = Remarque
callout_tip = Astuce
callout_important = Important
callout_warning = Avertissement
callout_caution = Attention
callout_prompts = Pistes de discussion
callout_trainer = Note pour le formateur
callout_handout = Pour les participants
callout_challenge = Défi
callout_solution = Solution
