# Textos de la interfaz de coursebook: español.

## Todas las páginas
skip_to_content = Saltar al contenido
search_label = Buscar en el curso
search_placeholder = Buscar
contents = Índice
now_and_next = Ahora y a continuación
participant_edition = Edición para participantes
participant_edition_note = el curso tal como lo ven los participantes: horario, sesiones, preguntas y material
programmes = Programas
made_with = Hecho con coursebook
breadcrumb = Ruta de navegación
home = Inicio
on_this_page = En esta página
for_trainers_only = Solo para formadores
trainer_note = Nota para el formador
trainer = Formador
previous = Anterior
next = Siguiente
previous_and_next = Sesión anterior y siguiente

## Página 404
page_not_found = Página no encontrada
not_found_text = No hay ninguna página en esta dirección. Puede que se haya movido al regenerar el curso.
go_home = Ir a la página de inicio

## Inicio y programas
upcoming_deliveries = Próximas ediciones
no_programmes = Aún no hay programas: añada una carpeta con un index.md en la carpeta de contenido.
dates = Fechas
venue = Lugar
for_whom = Dirigido a
days = Días
authors = Autores
contact_time = Horas lectivas
n_days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
n_contact = { $n ->
    [one] { $time } en { $n } sesión
   *[other] { $time } en { $n } sesiones
}
n_sessions = { $n ->
    [one] { $n } sesión
   *[other] { $n } sesiones
}
when_and_where = Cuándo y dónde
from_to = de { $start } a { $end }
at_venue = En { $venue }.
what_to_bring = Qué traer
before_you_come = Antes de venir
before_the_programme = Antes del programa
timetable = Horario
discussion_prompts = Preguntas para el debate
prompt_cards = Tarjetas de preguntas
materials = Materiales
materials_and_pack_lists = Materiales y listas de preparación
themes = Temas
evaluation_form = Formulario de evaluación
action_plan_sheet = Hoja del plan de acción
your_action_plan_sheet = Su hoja del plan de acción
participant_handout = Material para participantes
your_handout = Su material
print_programme = Imprimir el programa
for_the_trainer = Para el formador
run_sheet = Hoja de ruta
run_sheets = Hojas de ruta
run_sheet_for = Hoja de ruta de { $day }
signin_sheet = Hoja de firmas
signin_sheets = Hojas de firmas
signin_sheet_for = Hoja de firmas de { $day }
post_box_summary = Resumen del buzón
days_at_a_glance = Los días de un vistazo
deliveries = Ediciones
programme_timetable = Horario del programa
letters = Cartas
notes = Notas
about_programme = Sobre el programa

## Horarios
time = Hora
session = Sesión
format = Formato
length = Duración
n_day_caption = { $n ->
    [one] { $day }: de { $start } a { $end }, { $n } sesión
   *[other] { $day }: de { $start } a { $end }, { $n } sesiones
}
day_ends_at = El día termina a las { $time }
add_to_calendar = Añadir al calendario (.ics)
download_csv = Descargar en CSV
free_time = Tiempo libre
day_n = Día { $n }

## Ediciones
participants = Participantes
n_expected = { $n ->
    [one] { $n } previsto
   *[other] { $n } previstos
}
times = Horas
trainers = Formadores
joining_details = Cómo participar

## Páginas de sesión
print_session = Imprimir esta sesión
objectives = Objetivos
same_as = Imparta esta sesión igual que:
threads = Hilos
produces = Produce «{ $thread }».
produces_used_in = Produce «{ $thread }», que se usa después en:
uses = Usa «{ $thread }».
uses_from = Usa «{ $thread }», de:
repeated_in = Se repite en:
see_also = Véase también:

## Preguntas, tarjetas, materiales, temas
prompts_lead = Todas las preguntas de { $programme }, por día y sesión, listas para imprimir. Para proyectarlas o colgarlas, use las tarjetas de preguntas:
print_prompts = Imprimir las preguntas
no_prompts = Ninguna sesión tiene preguntas todavía. Añada prompts: a la cabecera de una sesión, o un recuadro [!PROMPTS].
cards_lead = Cada pregunta para el debate de { $programme } en su propia tarjeta, lo bastante grande para proyectarla o colgarla. Impresa, cada tarjeta ocupa una página A4 apaisada.
show_one_at_a_time = Mostrar de una en una
print_cards = Imprimir las tarjetas
all_cards = Todas las tarjetas
materials_and_pack_list = Materiales y lista de preparación
materials_lead = Qué llevar cada día, cada cosa una vez, con las sesiones que la necesitan. Impresa, cada día es una lista en su propia página.
print_pack_lists = Imprimir las listas de preparación
pack_list_for = Lista de preparación: { $day }
needed_for = para
no_materials = Ninguna sesión indica materiales todavía. Añada materials: a la cabecera de una sesión.
materials_label = Materiales:
themes_lead = Los hilos que recorren el programa, y las sesiones que los llevan.

## Material e impresión
handout = Material
handout_hint = Un material para los participantes: imprímalo (A4) o guárdelo como PDF desde el diálogo de impresión del navegador.
print_handout = Imprimir el material
the_sessions = Las sesiones
print = Imprimir
print_hint = Todo el programa en una página, en el orden del horario; cada día empieza una página nueva al imprimir.

## Hojas de ruta y de firmas
print_run_sheet = Imprimir esta hoja de ruta
runsheet_caption = { $day }: horas, sesiones, materiales, primeras preguntas, notas y una columna para marcar
first_prompt = Primera pregunta
done = Hecho
done_for = Hecho: { $title }
print_signin_sheet = Imprimir esta hoja de firmas
names_from_list = Nombres de una lista
register_hint = Elija la lista de participantes, guardada desde Excel o LibreOffice como CSV: la columna «name» (o la primera) y, si la hay, «organisation». Los nombres van a las filas de esta página, para imprimirla. La lista solo se lee en esta página: no se envía ni se guarda nada, y al recargar se vacían las filas.
the_list_csv = La lista (CSV)
clear_names = Borrar los nombres
signin_caption = Hoja de firmas de { $day }: nombre, organización y firma
number_short = N.º
name = Nombre
organisation = Organización
signature = Firma

## Formulario de evaluación
evaluation_of = Evaluación: { $title }
eval_kept = Lo que rellene se guarda solo en este dispositivo, así que seguirá aquí cuando vuelva; nunca se envía a ninguna parte. Guárdelo como archivo para entregarlo, o imprímalo. «Borrar» vacía el formulario y lo olvida.
eval_how_useful = : utilidad, de 1 ({ $low }) a 5 ({ $high })
comments = Comentarios
comments_on = Comentarios sobre «{ $title }»
print_form = Imprimir el formulario
save_docx = Guardar como Word (.docx)
save_txt = Guardar como texto (.txt)
clear = Borrar
eval_blank_docx = el formulario en blanco como documento de Word, para imprimirlo o enviarlo.

## Plan de acción
action_plan = Plan de acción
print_action_plan = Imprimir el plan de acción
my_action_plan = Mi plan de acción
date = Fecha
plan_intro = Complete cada frase a partir de lo aprendido, para que, cuando esta hoja vuelva a usted, pueda saber si lo ha hecho. Marque la casilla cuando lo haya hecho.
plan_envelope = Meta esta hoja en el sobre con su propia dirección y entréguesela al formador: se la enviaremos unas semanas después del curso.

## Buzón
post_box_lead_letter = Escriba los puntos del buzón bajo la sesión en la que se escribieron, un punto por línea, y guárdelos como la carta «{ $letter }». Los puntos son las palabras del grupo para sus responsables: esta página no está en la edición para participantes.
post_box_lead_note = Escriba los puntos del buzón bajo la sesión en la que se escribieron, un punto por línea, y guárdelos como una nota para los responsables. Los puntos son las palabras del grupo para sus responsables: esta página no está en la edición para participantes.
post_box_sorted_in = Los puntos se ordenan en:
post_box_points = Puntos del buzón
post_box_note_intro = Lo que los participantes escribieron para la organización durante el programa, bajo la sesión en la que lo escribieron. Ningún punto se atribuye a nadie.
kept_on_device = Lo que escriba se guarda en este dispositivo, así que seguirá aquí cuando vuelva; nunca se envía a ninguna parte. «Borrar» vacía los campos y lo olvida.
prompts_reminder = Preguntas, como recordatorio
points_from_session = Puntos de esta sesión, uno por línea
rest_of_note = El resto de la nota
other_blanks_of = Los demás campos de:
save_note_docx = Guardar la nota como Word (.docx)
save_note_txt = Guardar la nota como texto (.txt)

## Cartas
letter_post_box_hint = Los puntos del buzón se escriben, y esta carta se guarda con ellos, en el resumen del buzón:
blanks_to_fill = Campos para rellenar
for_example = por ejemplo «{ $example }»
fill_in_letter = Rellenar la carta
fill_in_certificate = Rellenar el certificado
letter_kept = A medida que escribe, la carta de abajo se rellena. Lo que escriba se guarda en este dispositivo, así que seguirá aquí cuando vuelva; nunca se envía a ninguna parte. «Borrar» vacía los campos y lo olvida.
letter_date = Fecha de la carta
print_letter = Imprimir la carta
print_certificate = Imprimir el certificado
the_letter = La carta
the_certificate = El certificado
one_letter_each = Una carta por persona de una lista
one_certificate_each = Un certificado por persona de una lista
merge_columns = Elija una lista guardada desde Excel o LibreOffice como CSV. Su primera línea nombra una columna para cada campo, por su nombre o su etiqueta:
merge_rest = Un campo sin columna en la lista se toma del formulario de arriba, igual en todas las cartas.
merge_attended = Con una columna «attended», solo las filas marcadas con sí (yes, x o ✓) reciben certificado.
merge_private = La lista se lee en esta página; no se envía nada.
save_letters_docx = Guardar las cartas como Word (.zip)
save_letters_txt = Guardar las cartas como texto (.zip)
the_blank_letter = La carta en blanco
blank_docx = documento de Word
blank_docx_fields = documento de Word; los campos son campos de combinación de correspondencia
blank_txt = texto sin formato
blank_txt_fields = texto sin formato, campos entre [corchetes]
for_site_editors = Para los editores del sitio: la línea de órdenes
merge_cli = Para hacer una carta por participante desde la carpeta del sitio:
merge_cli_columns = con una columna por campo:

## Ahora y a continuación (now.js)
running_now = En curso
bar_day_starts = { $day } empieza a las { $time } con { $session }
bar_next_day_starts = { $day } ({ $date }) empieza a las { $time } con { $session }
bar_ended = El programa ha terminado.
bar_thanks = Gracias por participar.
bar_until = { $title } hasta las { $time }
bar_now_until = Ahora: { $session } hasta las { $time }
bar_next_at = A continuación: { $session } a las { $time }
bar_day_ends = El día termina a las { $time }
running_late = Con retraso
running_late_day = Con retraso, { $day }
late_reset = Restablecer
late_reset_day = Restablecer: de nuevo en hora, { $day }
n_late_add = +{ $n } min
minutes_late = Minutos de retraso
late_set = Aplicar
n_running_late = { $n ->
    [one] { $n } minuto de retraso
   *[other] { $n } minutos de retraso
}
n_ran_late = { $n ->
    [one] Hubo { $n } minuto de retraso
   *[other] Hubo { $n } minutos de retraso
}
late_from_until = desde las { $from } hasta { $stop }
late_from_to = de { $from } a { $stop }

## Búsqueda (search.js)
n_results = { $n ->
    [one] { $n } resultado
   *[other] { $n } resultados
}
n_results_first = { $n } resultados, se muestran los { $shown } primeros
search_loading = Cargando el índice…
search_none = No hay resultados para «{ $query }»

## Ediciones, firmas, cartas de una lista
past = Pasada
no_upcoming = No hay próximas ediciones.
not_utf8 = La lista no es texto UTF-8: en Excel, guárdela como «CSV UTF-8 (delimitado por comas)»; en LibreOffice, elija el juego de caracteres Unicode (UTF-8).
n_names_from = { $n ->
    [one] { $n } nombre de { $file }, para imprimir.
   *[other] { $n } nombres de { $file }, para imprimir.
}
no_names_in = No hay nombres en { $file }.
n_letters_from = { $n ->
    [one] { $n } carta de { $file }.
   *[other] { $n } cartas de { $file }.
}
no_letters_from = No se hizo ninguna carta de { $file }.
list_empty = La lista está vacía: su primera línea nombra las columnas, una por campo.
list_no_rows = La lista tiene cabecera pero ninguna fila: no hay cartas que hacer.
n_points_into_note = { $n ->
    [one] { $n } punto de { $sessions } irá a la nota.
   *[other] { $n } puntos de { $sessions } irán a la nota.
}

## Títulos de las páginas
title_timetable = Horario: { $programme }
title_prompts = Preguntas para el debate: { $programme }
title_materials = Materiales: { $programme }
title_cards = Tarjetas de preguntas: { $programme }
title_evaluation = Evaluación: { $programme }
title_themes = Temas: { $programme }
title_action_plan = Plan de acción: { $programme }
title_print = { $programme } (impresión)
title_post_box = Resumen del buzón: { $programme }
title_handout = Material: { $programme }
title_signin = Hoja de firmas, { $day }: { $programme }
title_runsheet = Hoja de ruta, { $day }: { $programme }

## Headings and list items of run and sign-in sheets; the running-late stop
run_sheet_heading = Hoja de ruta: { $day }
run_sheet_item = Hoja de ruta, { $day }
signin_sheet_heading = Hoja de firmas: { $day }
signin_sheet_item = Hoja de firmas, { $day }
late_stop_fixed = { $title } (fijado a las { $time })
late_stop_day_end = el final del día ({ $time })

## Formulario de evaluación: las palabras que escribe la generación
eval_overall = En general
eval_intro = Díganos qué le ha parecido el curso. Sus respuestas nos ayudan a mejorarlo.
eval_intro_rated = Díganos lo útil que ha sido cada sesión para su trabajo: marque un número para cada una, de 1 ({ $low }) a 5 ({ $high }), y añada un comentario si lo desea. Sus respuestas nos ayudan a mejorar el curso.
eval_scale_words = 1 = { $low }, 5 = { $high }
eval_rating = Puntuación
eval_rating_line = Puntuación ({ $scale }):
eval_low = Nada útil
eval_high = Muy útil
eval_question_differently = ¿Qué hará de otra manera en sus registros?
eval_question_improve = ¿Qué podríamos mejorar?
eval_question_overall = En general, ¿qué utilidad ha tenido el curso?

## Plan de acción: las frases por defecto
plan_statement_1 = Lo primero que haré de otra manera en el trabajo es
plan_statement_2 = Para finales del mes que viene habré
plan_statement_3 = Para seguir aprendiendo, voy a
plan_statement_4 = La persona que puede ayudarme con esto es
plan_statement_5 = Qué podría impedírmelo, y qué haré al respecto:

## Formatos de sesión, resultados de búsqueda
format_pairs = En parejas
format_small_groups = En grupos pequeños
format_large_group = En gran grupo
format_plenary = Plenario
format_individual = Individual
format_presentation = Presentación
search_prompt_when = Pregunta · { $session } · { $when }
search_letter = Carta

## Los bloques y pausas por defecto
block_before_coffee = Antes del café
block_after_coffee = Después del café
block_after_lunch = Después de comer
block_after_tea = Después de la merienda
break_coffee = Café
break_lunch = Comida
break_tea = Merienda

## Deliveries' own pages, translated editions
trainers_list = Formadores: { $names }
in_deliveries = En ediciones
all_deliveries_link = Todas las ediciones de este programa
delivery_documents = Cartas y formularios de esta edición
certificate_marker = (certificado)
file_as = { $title } en formato
blank_form_docx = Formulario en blanco (.docx)
language = Idioma
untranslated_note = Esta página aún no está traducida: se muestra en su idioma original.
letter_for = Para { $delivery }
letter_for_dates = Para { $delivery }, { $dates }
n_leads_days = { $n ->
    [one] Día { $days }
   *[other] Días { $days }
}
leads_block = día { $day } del programa: { $block }

## The register's pages (coursebook register)
register_attendance = Asistencia
register_attendance_title = Asistencia: { $programme }
register_signin_title = Hoja de firmas: { $day }, { $programme }
register_attended = Asistieron ({ $n } en la lista)

# A programme on a translated home page that is not translated into its language.
not_translated_yet = Aún no traducido

## Títulos predeterminados de los recuadros (callouts), por marcador
callout_note = Nota
callout_tip = Consejo
callout_important = Importante
callout_warning = Advertencia
callout_caution = Precaución
callout_prompts = Preguntas para el debate
callout_trainer = Nota para el formador
callout_handout = Para los participantes
callout_challenge = Reto
callout_solution = Solución
