
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's01c0f9a690d66507': str`${0}, Sie haben sich mit einem temporären Passwort angemeldet. Legen Sie ein eigenes Passwort fest, um fortzufahren.`,
's01d1d9943a00bd3c': `Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in Kürze erneut.`,
's0a571b770afa181e': `Kunden`,
's0c047e49c2f2a16e': `Bei uns ist ein Fehler aufgetreten.`,
's1460e7a40c41a99e': `Ihre Sitzung wird geprüft…`,
's149e0aeed42df6f9': `Zu viele Versuche. Bitte warten Sie kurz und versuchen Sie es erneut.`,
's180897b71bd22751': `Partnerzugriff`,
's28061c0680034594': `Angemeldet`,
's2d044d8f97a8b3c7': `Ihr Konto konnte nicht geladen werden`,
's2e11f8a65958f9c9': `Partnerportal`,
's31f8b51bab0966a5': `Eingeschränkt`,
's3490e2c8b9ec6ad2': `Neues Passwort`,
's3d197283cb019b5a': `Übersicht`,
's3d48cd6d549e27f2': `Abmeldung läuft…`,
's3efef33a4cb85bb7': `Einige Angaben sind ungültig. Bitte prüfen Sie die markierten Felder.`,
's44771f9d8f5ad575': `Temporäres Passwort`,
's586d6bd2eca2da93': `Benutzer`,
's59169c4e8fbcdccf': `Anmeldung läuft…`,
's5e27738a2e8eb763': `Anmelden`,
's669b18c6d2d9c95b': `Keiner`,
's6953842ea00e0060': `Mindestens 10 Zeichen: Buchstaben und dazu eine Ziffer oder ein Sonderzeichen.`,
's6b2beba7ab637e9e': `Rollen`,
's7cb4e55c59663b1c': `Unternehmen`,
's7cfe12cd14df9950': `Abmelden`,
's80785c82e6027f83': `Keine Administratorrolle`,
's828a271f294a1400': `Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.`,
's8d9932f9b084fc66': `Neues Passwort festlegen`,
's928416c5933d4192': `Zu viele fehlgeschlagene Versuche. Bitte warten Sie kurz und versuchen Sie es erneut.`,
's994ce4b585d1fd2a': `Angebote`,
's9ededed6ee3b5127': `Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.`,
'sa9fd5cf2e485e3c7': `Dazu sind Sie nicht berechtigt.`,
'sb0e97584dc715a5c': `Vollständig`,
'sb623f4087a07fba5': `Melden Sie sich an, um fortzufahren.`,
'sb6bdf91ae8c74bcb': `Passwort wird geändert…`,
'scd1dd6ff53d0d01a': `Erneut versuchen`,
'scfb5858ab9c3f3c1': `Die E-Mail-Adresse oder das Passwort ist nicht korrekt.`,
'sd1f44f1a8bc20e67': `E-Mail-Adresse`,
'sd3bb20d3231f4c6f': `Webhooks`,
'sd4c882c489ddcca7': `Diese Seite konnte keine Sitzung für Sie starten. Laden Sie die Seite neu oder melden Sie sich erneut an.`,
'se2a0c32bdeadcd56': `Dieser Eintrag existiert nicht mehr.`,
'sf6e1665c7022a1f8': `Passwort`,
'sff50532a2d85e32e': `Passwort ändern`,
    };
  