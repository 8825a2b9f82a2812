# The legal pages, in both languages, written for this site. The city's own details (publisher,
# addresses, publication director, hosting provider, contact) are not in these texts: the page shows
# them from the site profile, so another city keeps the texts and fills in its profile.
# Staff edit the texts in the admin; `load_content` only creates a page that does not exist yet.

LEGAL_NOTICE_FR = """\
## Objet du site

Ce site présente l’action internationale de la collectivité qui le publie : ses villes partenaires et \
ses jumelages, les réseaux de villes auxquels elle prend part, les labels et distinctions qu’elle a \
reçus, ainsi que sa lettre d’information.

Les informations sur l’éditeur et l’hébergeur figurent ci-dessus, comme le prévoit l’article 6 de la \
loi n° 2004-575 du 21 juin 2004 pour la confiance dans l’économie numérique.

## Propriété intellectuelle

Les textes de ce site ont été écrits pour lui par l’éditeur. Vous pouvez les citer ou les reprendre, \
à condition d’en indiquer la source et de ne pas en changer le sens. Les photographies, logos et autres \
visuels restent la propriété de leurs auteurs ou des organismes qu’ils représentent : les réutiliser \
demande leur accord préalable.

## Liens vers d’autres sites

Les liens qui mènent hors de ce site sont signalés comme tels et s’ouvrent dans la même fenêtre. \
L’éditeur les choisit avec soin, mais le contenu des sites visés relève de leurs propres éditeurs. \
Chacun peut librement faire un lien vers une page de ce site.

## Données personnelles et accessibilité

La page « Données personnelles et cookies » explique ce que le site conserve, pourquoi, pendant combien \
de temps et comment exercer vos droits. La déclaration d’accessibilité indique le niveau de conformité \
du site et la marche à suivre pour signaler une difficulté. Toutes deux sont accessibles depuis le bas \
de chaque page.
"""

LEGAL_NOTICE_EN = """\
## What this site is for

This site presents the international action of the local authority that publishes it: its partner and \
twin cities, the city networks it belongs to, the labels and awards it has received, and its newsletter.

The publisher and the hosting provider are named above, as Article 6 of French Law No. 2004-575 of \
21 June 2004 on confidence in the digital economy requires.

## Intellectual property

The texts on this site were written for it by the publisher. You may quote or reuse them, provided you \
name the source and do not alter their meaning. Photographs, logos and other images remain the property \
of their authors or of the organisations they stand for: reusing them requires their prior consent.

## Links to other sites

Links that lead away from this site are marked as such and open in the same window. The publisher \
chooses them carefully, but the content of the sites they lead to is the responsibility of those \
sites’ publishers. Anyone may link to any page of this site.

## Personal data and accessibility

The “Personal data and cookies” page explains what the site keeps, why, for how long and how to \
exercise your rights. The accessibility statement gives the site’s conformity status and tells you how \
to report a difficulty. Both are linked from the bottom of every page.
"""

PRIVACY_FR = """\
Ce site est conçu pour en savoir le moins possible sur vous. Vous pouvez le consulter sans rien nous \
dire : pas de mesure d’audience, pas de publicité, aucun contenu chargé depuis un autre site (polices \
de caractères, cartes, vidéos, boutons de partage) et aucun cookie.

## Responsable du traitement

L’éditeur nommé dans les mentions légales est responsable des traitements décrits sur cette page. \
Ses coordonnées figurent en bas de page.

## Quand vous consultez le site

- Les pages, les feuilles de style et les images viennent toutes de notre serveur : pendant votre \
visite, votre navigateur ne contacte aucun autre site.
- Le site ne tient aucune statistique de visite et ne dépose aucun traceur.
- Comme tout serveur web, celui qui héberge le site tient un journal technique des requêtes reçues \
(adresse IP, page demandée, date et heure). Ce journal sert uniquement à la sécurité et au bon \
fonctionnement du service ; il est conservé un an au plus.

## Cookies

Un visiteur ne reçoit aucun cookie : c’est pourquoi aucun bandeau ne vous demande votre accord. Seuls \
les agents qui se connectent à l’espace d’administration reçoivent deux cookies strictement \
nécessaires, exemptés de consentement : un cookie de session, qui les garde connectés, et un cookie \
qui protège leurs formulaires contre la falsification de requêtes (CSRF). Ils disparaissent à la \
déconnexion ou à leur expiration.

## La lettre d’information

### Ce que nous enregistrons

Quand vous vous abonnez, nous enregistrons :

- votre adresse électronique ;
- la langue dans laquelle vous voulez recevoir la lettre (français ou anglais) ;
- la preuve de votre accord : la date et l’heure de votre demande, la page depuis laquelle vous l’avez \
faite, la version du texte d’accord qui vous était présenté, puis la date à laquelle vous avez confirmé \
votre abonnement et, le cas échéant, celle de votre désabonnement.

Nous n’enregistrons ni votre nom ni votre adresse IP.

### Pourquoi

Ces données servent uniquement à vous envoyer la lettre dans votre langue et à pouvoir prouver que vous \
l’avez demandée. Elles ne sont ni vendues, ni prêtées, ni utilisées à d’autres fins. Seuls les agents \
chargés de la lettre y ont accès, ainsi que les prestataires techniques qui hébergent le site et \
acheminent les messages pour notre compte.

### Sur quelle base

Votre consentement (article 6, paragraphe 1, point a, du règlement général sur la protection des \
données). Vous le donnez en deux temps : vous remplissez le formulaire, puis vous cliquez sur le lien \
de confirmation reçu par courriel. Vous pouvez le retirer à tout moment.

### Contre les abus

Pour empêcher qu’un robot inscrive des adresses en masse, le serveur compte les demandes reçues \
depuis une même connexion. Ce compteur reste quelques heures seulement dans la mémoire temporaire du \
serveur, jamais dans la base de données, et l’adresse réseau n’y figure que sous forme d’empreinte \
(un hachage qui ne permet pas de la retrouver).

### Combien de temps

- Une demande qui n’a pas été confirmée est effacée au bout de 30 jours.
- Votre adresse est conservée tant que vous êtes abonné.
- Vous pouvez à tout moment demander l’effacement complet de votre adresse et de l’historique de votre \
accord, en écrivant au contact indiqué en bas de page.

### Comment se désabonner

Chaque lettre contient un lien de désabonnement ; vous pouvez aussi utiliser le formulaire de la page \
« Lettre d’information ». Le désabonnement prend effet immédiatement : vous ne recevez plus rien.

## Vos droits

Vous pouvez accéder à vos données, les faire rectifier ou effacer, en demander la limitation ou la \
portabilité, et retirer votre consentement à tout moment. Pour cela, écrivez au contact indiqué en bas \
de page : nous vous répondons dans un délai d’un mois.

Si, après nous avoir contactés, vous estimez que vos droits ne sont pas respectés, vous pouvez adresser \
une réclamation à la Commission nationale de l’informatique et des libertés \
([CNIL](https://www.cnil.fr/)), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.
"""

PRIVACY_EN = """\
This site is built to know as little about you as possible. You can read it without telling us \
anything: no audience measurement, no advertising, nothing loaded from another site (fonts, maps, \
videos, share buttons) and no cookie.

## Who is responsible

The publisher named in the legal notice is the controller of the processing described on this page. \
Their contact details are at the bottom of the page.

## When you read the site

- Pages, style sheets and images all come from our own server: during your visit your browser contacts \
no other site.
- The site keeps no visit statistics and sets no tracker.
- Like every web server, the one hosting the site keeps a technical log of the requests it receives \
(IP address, page requested, date and time). The log serves only security and the proper running of the \
service, and is kept for one year at most.

## Cookies

Visitors get no cookie at all, which is why no banner asks for your consent. Only staff who sign in to \
the administration area receive two strictly necessary cookies, which need no consent: a session \
cookie that keeps them signed in, and a cookie that protects their forms against request forgery \
(CSRF). Both go away when they sign out or when they expire.

## The newsletter

### What we record

When you subscribe, we record:

- your e-mail address;
- the language you want the newsletter in (French or English);
- proof of your consent: the date and time of your request, the page you made it from, the version of \
the consent wording you were shown, then the date you confirmed your subscription and, if you leave, \
the date you unsubscribed.

We record neither your name nor your IP address.

### Why

These data serve only to send you the newsletter in your language and to be able to prove that you \
asked for it. They are never sold, lent or used for anything else. Only the staff in charge of the \
newsletter can see them, together with the technical providers who host the site and deliver the \
e-mails on our behalf.

### On what basis

Your consent (Article 6(1)(a) of the General Data Protection Regulation). You give it in two steps: \
you fill in the form, then you click the confirmation link we send you by e-mail. You may withdraw it \
at any time.

### Against abuse

To stop robots from signing up addresses in bulk, the server counts the requests coming from the same \
connection. That counter stays only a few hours in the server’s temporary memory, never in the \
database, and it holds the network address only as a fingerprint (a hash from which the address cannot \
be recovered).

### For how long

- A request that is never confirmed is deleted after 30 days.
- Your address is kept for as long as you stay subscribed.
- You can ask at any time for your address and the record of your consent to be erased completely, by \
writing to the contact at the bottom of the page.

### How to unsubscribe

Every newsletter carries an unsubscribe link; you can also use the form on the “Newsletter” page. \
Unsubscribing takes effect at once: you receive nothing more.

## Your rights

You may access your data, have it corrected or erased, ask for its processing to be restricted or for \
a copy to take elsewhere, and withdraw your consent at any time. To do so, write to the contact at the \
bottom of the page: we answer within one month.

If, after contacting us, you believe your rights are not respected, you may lodge a complaint with the \
French data protection authority, the \
<span lang="fr">Commission nationale de l’informatique et des libertés</span> \
([CNIL](https://www.cnil.fr/)), <span lang="fr">3 place de Fontenoy, TSA 80715, 75334 Paris \
Cedex 07</span>, France.
"""

ACCESSIBILITY_FR = """\
L’éditeur de ce site s’engage à rendre ses services en ligne accessibles, conformément à l’article 47 \
de la loi n° 2005-102 du 11 février 2005 pour l’égalité des droits et des chances, la participation et \
la citoyenneté des personnes handicapées. Son schéma pluriannuel de mise en accessibilité et le plan \
d’action de l’année sont publiés sur son site principal.

## État de conformité

Ce site est **non conforme** au référentiel général d’amélioration de l’accessibilité (RGAA), \
version 4.1.2 : aucun audit de conformité n’a encore été mené, et le RGAA demande de déclarer non \
conforme un site qui n’a pas d’audit en cours de validité.

Cet état ne signale pas de défaut connu. Le site a été conçu dès le départ pour respecter les critères \
du RGAA (niveaux A et AA des WCAG 2.1) et passe sans erreur les contrôles automatiques décrits \
ci-dessous. Ces contrôles ne couvrent toutefois qu’une partie des critères : seul un audit complet \
permettra d’établir un taux de conformité.

## Tests réalisés

À chaque modification du site, une suite de tests automatiques contrôle toutes les pages que l’on peut \
atteindre en suivant les liens depuis les pages d’accueil française et anglaise :

- les règles WCAG 2.1 de niveaux A et AA de l’outil axe-core, dans le navigateur Chromium ;
- la validité du code HTML, avec le validateur Nu Html Checker du W3C ;
- l’ordre des titres (un seul titre de niveau 1, aucun niveau sauté) ;
- l’affichage sur un écran de 320 pixels de large, sans défilement horizontal ;
- l’annonce des liens qui mènent vers d’autres sites.

Le parcours au clavier est testé lui aussi : le lien d’évitement, l’en-tête, le menu principal et le \
formulaire d’abonnement s’atteignent avec la touche Tab, l’élément actif est toujours visiblement mis \
en évidence, et le formulaire s’envoie avec la touche Entrée.

## Contenus non accessibles

Aucun contenu non accessible n’est connu à ce jour. Si vous rencontrez une difficulté, signalez-la : \
nous vous donnerons l’information sous une autre forme.

## Technologies utilisées

HTML5, CSS et WAI-ARIA. La consultation du site ne demande pas JavaScript.

## Retour d’information

Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez-nous au contact indiqué en bas \
de page : nous vous proposerons une autre solution ou vous transmettrons l’information sous une forme \
accessible.

## Voies de recours

Si vous nous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un \
service, sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :

- par le [formulaire en ligne du Défenseur des droits](https://formulaire.defenseurdesdroits.fr/) ;
- auprès du délégué du Défenseur des droits de votre région, dont les coordonnées sont sur \
[le site du Défenseur des droits](https://www.defenseurdesdroits.fr/) ;
- par courrier, gratuit et sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris \
Cedex 07.
"""

ACCESSIBILITY_EN = """\
The publisher of this site is committed to making its online services accessible, as Article 47 of \
French Law No. 2005-102 of 11 February 2005 on equal rights and opportunities, participation and \
citizenship of people with disabilities requires. Its multi-year accessibility plan and this year’s \
action plan are published on its main website.

## Conformity status

This site is **not compliant** with the French accessibility framework RGAA \
(<span lang="fr">référentiel général d’amélioration de l’accessibilité</span>), version 4.1.2: no \
conformity audit has been carried out yet, and the RGAA requires a site without a valid audit to be \
declared not compliant.

This status does not point to any known defect. The site was designed from the start to meet the RGAA \
criteria (WCAG 2.1 levels A and AA) and passes the automated checks described below without error. \
Those checks cover only part of the criteria, though: only a full audit can establish a conformity \
rate.

## Tests carried out

Whenever the site changes, an automated test suite checks every page that can be reached by following \
links from the French and English home pages:

- the WCAG 2.1 level A and AA rules of the axe-core tool, in the Chromium browser;
- HTML validity, with the W3C’s Nu Html Checker;
- the order of headings (a single level-one heading, no level skipped);
- display on a screen 320 pixels wide, without horizontal scrolling;
- the announcement of links that lead to other sites.

Keyboard use is tested too: the skip link, the header, the main menu and the subscription form are \
reached with the Tab key, the active element is always visibly highlighted, and the form is sent with \
the Enter key.

## Content that is not accessible

No inaccessible content is known to date. If you run into a difficulty, tell us: we will give you the \
information in another form.

## Technologies used

HTML5, CSS and WAI-ARIA. Reading the site does not require JavaScript.

## Feedback

If you cannot reach some content or service, write to the contact at the bottom of the page: we will \
offer another way or send you the information in an accessible form.

## Remedies

If you have reported an accessibility problem that keeps you from some content or service and have not \
received a satisfactory answer, you may refer the matter to the Defender of Rights \
(<span lang="fr">Défenseur des droits</span>), the French independent authority:

- through the [Defender of Rights’ online form](https://formulaire.defenseurdesdroits.fr/);
- through the Defender of Rights’ delegate in your region, whose details are on \
[the Defender of Rights’ website](https://www.defenseurdesdroits.fr/);
- by post, free of charge and without a stamp: \
<span lang="fr">Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07</span>, France.
"""

LEGAL_PAGES = [
    {
        "slug": "legal_notice",
        "title_fr": "Mentions légales",
        "title_en": "Legal notice",
        "body_fr": LEGAL_NOTICE_FR,
        "body_en": LEGAL_NOTICE_EN,
    },
    {
        "slug": "privacy",
        "title_fr": "Données personnelles et cookies",
        "title_en": "Personal data and cookies",
        "body_fr": PRIVACY_FR,
        "body_en": PRIVACY_EN,
    },
    {
        "slug": "accessibility",
        "title_fr": "Déclaration d’accessibilité",
        "title_en": "Accessibility statement",
        "body_fr": ACCESSIBILITY_FR,
        "body_en": ACCESSIBILITY_EN,
    },
]
